using System.Xml.Linq;
using Ciptex.Voice.Dashboard.Simulator;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>
/// A caller on the line. <see cref="SimulatedCall"/> (the phone simulator's own model) decides which URL Twilio
/// would call next; this posts it, signed, to the test host.
/// </summary>
public sealed class PhoneCall(TwilioWebhooks twilio, string? from, string callSid = "")
{
    private readonly SimulatedCall _call = new(from, callSid, VoiceApp.AccountSid);

    public string CallSid => _call.CallSid;
    public XDocument Twiml => _call.Twiml;

    /// <summary>Everything said in the last response, in order.</summary>
    public string Said => string.Join(" ", _call.Says);

    public bool HungUp => _call.HungUp;

    public Task<XDocument> DialAsync() => SendAsync(_call.Dial());

    public Task<XDocument> PressAsync(string digits) => SendAsync(_call.Press(digits));

    public Task<XDocument> SilenceAsync() =>
        SendAsync(_call.Silence() ?? throw new InvalidOperationException($"Nothing follows silence in:\n{Twiml}"));

    public Task<XDocument> RecordAsync(string recordingSid = "RE00000000000000000000000000000001", int seconds = 20) =>
        SendAsync(_call.Recorded(recordingSid, seconds));

    /// <summary>The record action delivered once more, as Twilio retries it: what it answered, the call left as it was.</summary>
    public async Task<XDocument> RecordDeliveredAgainAsync(string recordingSid = "RE00000000000000000000000000000001", int seconds = 20)
    {
        using var response = await PostAsync(_call.Recorded(recordingSid, seconds));
        return await TwilioWebhooks.ReadTwimlAsync(response);
    }

    /// <summary>Twilio's call status callback when the line goes dead.</summary>
    public Task<HttpResponseMessage> HangUpAsync(string status = "completed") => PostAsync(_call.StatusCallback(status));

    /// <summary>Any other callback about this call: the standard fields, then these.</summary>
    public Task<HttpResponseMessage> CallbackAsync(string path, Dictionary<string, string> fields) => PostAsync(_call.Callback(path, fields));

    public string ActionOf(string verb) =>
        SimulatedCall.PathOf(Twiml.Descendants(verb).LastOrDefault()?.Attribute("action")?.Value ?? throw new InvalidOperationException($"No <{verb}> in:\n{Twiml}"));

    private Task<HttpResponseMessage> PostAsync(WebhookRequest request) => twilio.PostAsync(request.PathAndQuery, request.Form);

    private async Task<XDocument> SendAsync(WebhookRequest request)
    {
        using var response = await PostAsync(request);
        _call.Answered(await TwilioWebhooks.ReadTwimlAsync(response));
        return Twiml;
    }
}
