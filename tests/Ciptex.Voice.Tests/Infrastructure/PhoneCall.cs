using System.Xml.Linq;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>
/// A caller on the line: follows the TwiML the service returns the way Twilio would (a key goes to the Gather's
/// action, silence too since actionOnEmptyResult is set, a recording to the Record's action, an empty recording
/// to the Redirect that follows it).
/// </summary>
public sealed class PhoneCall(TwilioWebhooks twilio, string? from, string callSid = "")
{
    private const string To = "+443458800808";

    public string CallSid { get; } = callSid.Length > 0 ? callSid : "CA" + Guid.NewGuid().ToString("N");
    public XDocument Twiml { get; private set; } = new();

    /// <summary>Everything said in the last response, in order.</summary>
    public string Said => string.Join(" ", Twiml.Descendants("Say").Select(s => s.Value));

    public bool HungUp => Twiml.Root?.Elements("Hangup").Any() == true;

    public Task<XDocument> DialAsync() => SendAsync("/twilio/voice/incoming", []);

    public Task<XDocument> PressAsync(string digits) => SendAsync(ActionOf("Gather"), new() { ["Digits"] = digits });

    public Task<XDocument> SilenceAsync() =>
        Twiml.Descendants("Gather").Any() ? SendAsync(ActionOf("Gather"), new() { ["Digits"] = "" }) : SendAsync(RedirectTarget(), []);

    public Task<XDocument> RecordAsync(string recordingSid = "RE00000000000000000000000000000001", int seconds = 20) =>
        SendAsync(ActionOf("Record"), new()
        {
            ["RecordingSid"] = recordingSid,
            ["RecordingUrl"] = $"https://api.twilio.com/2010-04-01/Accounts/{VoiceApp.AccountSid}/Recordings/{recordingSid}",
            ["RecordingDuration"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Digits"] = "#",
        });

    /// <summary>Twilio's call status callback when the line goes dead.</summary>
    public Task<HttpResponseMessage> HangUpAsync(string status = "completed") =>
        twilio.PostAsync("/twilio/voice/status", Form(new() { ["CallStatus"] = status }));

    public Task<HttpResponseMessage> CallbackAsync(string path, Dictionary<string, string> fields) => twilio.PostAsync(path, Form(fields));

    public string ActionOf(string verb) =>
        PathOf(Twiml.Descendants(verb).LastOrDefault()?.Attribute("action")?.Value ?? throw new InvalidOperationException($"No <{verb}> in:\n{Twiml}"));

    private string RedirectTarget() =>
        PathOf(Twiml.Descendants("Redirect").LastOrDefault()?.Value ?? throw new InvalidOperationException($"No <Redirect> in:\n{Twiml}"));

    private async Task<XDocument> SendAsync(string path, Dictionary<string, string> fields)
    {
        Twiml = await twilio.TwimlAsync(path, Form(fields));
        return Twiml;
    }

    private Dictionary<string, string> Form(Dictionary<string, string> fields)
    {
        var form = new Dictionary<string, string>
        {
            ["AccountSid"] = VoiceApp.AccountSid, ["ApiVersion"] = "2010-04-01", ["CallSid"] = CallSid, ["CallStatus"] = "in-progress",
            ["Direction"] = "inbound", ["From"] = from ?? "anonymous", ["To"] = To, ["Called"] = To, ["Caller"] = from ?? "anonymous",
        };
        foreach (var (key, value) in fields)
            form[key] = value;
        return form;
    }

    private static string PathOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : url;
}
