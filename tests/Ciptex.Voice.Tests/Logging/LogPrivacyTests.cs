using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Ciptex.Voice.Tests.Ivr;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Ciptex.Voice.Tests.Logging;

/// <summary>Whatever the service logs while it takes a call and texts about it, no whole phone number or token appears.</summary>
public sealed partial class LogPrivacyTests : IvrTestBase
{
    private readonly CapturingSink _sink = new();

    public LogPrivacyTests()
    {
        App.Settings["Serilog:MinimumLevel:Default"] = "Verbose";
        App.TestServices.Add(services => services.AddSingleton<ILogEventSink>(_sink));
    }

    [Fact]
    public async Task A_whole_call_with_its_texts_and_an_inbound_SMS_logs_no_full_phone_number_and_no_token()
    {
        await RaiseAsync(AcmeMobile, "1", "1");
        await App.Twilio().TwimlAsync("/twilio/sms/incoming", new Dictionary<string, string>
        {
            ["MessageSid"] = "SM00000000000000000000000000000001", ["From"] = StrangerMobile, ["To"] = "+443458800808", ["Body"] = "SUBSCRIBE",
        });
        using var unsigned = await App.CreateClient().PostAsync("/twilio/voice/incoming", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CallSid"] = "CA00000000000000000000000000000002", ["From"] = AcmeMobile,
        }));

        await Sms.SmsApp.DispatchAsync(App);

        Assert.NotEmpty(_sink.Lines);
        Assert.Contains(_sink.Lines, line => line.Contains("+44770090****", StringComparison.Ordinal));
        Assert.DoesNotContain(_sink.Lines, line => FullNumber().IsMatch(line));
        Assert.DoesNotContain(_sink.Lines, line => line.Contains(Infrastructure.VoiceApp.AuthToken, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\+\d{10,15}")]
    private static partial Regex FullNumber();

    private sealed class CapturingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => _lines.ToList();

        public void Emit(LogEvent logEvent) =>
            _lines.Enqueue(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + logEvent.Exception);
    }
}
