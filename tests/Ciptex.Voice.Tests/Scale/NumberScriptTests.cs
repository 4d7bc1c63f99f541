using System.Collections.Concurrent;
using System.Text;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ciptex.Voice.Tests.Scale;

/// <summary><c>infra/point-number.sh</c> against a WireMock Twilio: the exact REST requests, and none on a dry run.</summary>
public sealed class NumberScriptTests : IDisposable
{
    private const string Account = VoiceApp.AccountSid;
    private const string NumberSid = "PN0123456789abcdef0123456789abcdef";
    private const string Numbers = $"/2010-04-01/Accounts/{Account}/IncomingPhoneNumbers";
    private readonly WireMockServer _twilio = WireMockServer.Start();

    // Written before each reply leaves (WireMock's own log is written after), so the script's exit means all are here.
    private readonly ConcurrentQueue<IRequestMessage> _requests = new();

    public void Dispose() => _twilio.Stop();

    private Task<InfraCommand.Result> RunScriptAsync(params string[] arguments) =>
        InfraCommand.RunAsync("bash", ["infra/point-number.sh", .. arguments], new Dictionary<string, string?>
        {
            ["Twilio__AccountSid"] = Account,
            ["Twilio__AuthToken"] = VoiceApp.AuthToken,
            ["Twilio__SupportNumber"] = "+443458800808",
            ["Twilio__PublicBaseUrl"] = "https://voice.ciptex.test/",
            // Only scheme, host and port are taken, as the service does with it.
            ["Twilio__ApiBaseUrl"] = _twilio.Url + "/any/path",
            ["VOICE_FALLBACK_URL"] = "https://handler.twilio.com/twiml/EH0123456789abcdef0123456789abcdef",
            ["TWILIO_NUMBER_SID"] = null,
        });

    private IResponseBuilder Json(string body) => Response.Create().WithCallback(request =>
    {
        _requests.Enqueue(request);
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new WireMock.Util.BodyData { BodyAsString = body, DetectedBodyType = WireMock.Types.BodyType.String },
        };
    });

    [Fact]
    public async Task The_script_finds_the_number_and_points_its_voice_fallback_status_and_messaging_urls_at_the_service()
    {
        _twilio.Given(Request.Create().WithPath($"{Numbers}.json").UsingGet().WithParam("PhoneNumber", "+443458800808"))
            .RespondWith(Json($$"""{"incoming_phone_numbers": [{"sid": "{{NumberSid}}", "phone_number": "+443458800808"}], "page": 0}"""));
        _twilio.Given(Request.Create().WithPath($"{Numbers}/{NumberSid}.json").UsingPost())
            .RespondWith(Json($$"""{"sid": "{{NumberSid}}", "phone_number": "+443458800808"}"""));

        var result = await RunScriptAsync();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(["GET", "POST"], _requests.Select(r => r.Method));
        var update = _requests.Single(r => r.Method == "POST");
        Assert.Equal($"{Numbers}/{NumberSid}.json", update.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Account}:{VoiceApp.AuthToken}")), update.Headers!["Authorization"][0]);
        Assert.StartsWith("application/x-www-form-urlencoded", update.Headers["Content-Type"][0], StringComparison.Ordinal);
        Assert.Equal(
        [
            ("VoiceUrl", "https://voice.ciptex.test/twilio/voice/incoming"), ("VoiceMethod", "POST"),
            ("VoiceFallbackUrl", "https://handler.twilio.com/twiml/EH0123456789abcdef0123456789abcdef"), ("VoiceFallbackMethod", "POST"),
            ("StatusCallback", "https://voice.ciptex.test/twilio/voice/status"), ("StatusCallbackMethod", "POST"),
            ("SmsUrl", "https://voice.ciptex.test/twilio/sms/incoming"), ("SmsMethod", "POST"),
        ], new FormReader(update.Body!).ReadForm().SelectMany(f => f.Value.Select(v => (f.Key, v!))));
        Assert.Contains(NumberSid, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_prints_the_update_and_makes_no_request_at_all()
    {
        var result = await RunScriptAsync("--dry-run");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"POST {_twilio.Url}{Numbers}/", result.Output, StringComparison.Ordinal);
        Assert.Contains("VoiceFallbackUrl=https://handler.twilio.com/twiml/EH0123456789abcdef0123456789abcdef", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(VoiceApp.AuthToken, result.Output, StringComparison.Ordinal);
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task A_number_the_account_does_not_have_is_an_error_and_nothing_is_updated()
    {
        _twilio.Given(Request.Create().WithPath($"{Numbers}.json").UsingGet())
            .RespondWith(Json("""{"incoming_phone_numbers": [], "page": 0}"""));

        var result = await RunScriptAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No incoming number +443458800808", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(_requests, r => r.Method == "POST");
    }
}
