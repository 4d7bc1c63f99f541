using System.Globalization;
using System.Xml.Linq;

namespace Ciptex.Voice.Dashboard.Simulator;

/// <summary>A webhook as Twilio would send it: where to, and the form fields (signing and sending are the caller's job).</summary>
public sealed record WebhookRequest(string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Form);

/// <summary>
/// One inbound call, seen from Twilio's side: the fields Twilio sends with every webhook, and which URL it calls next
/// after the caller presses keys, stays silent, leaves a recording or hangs up, read from the last TwiML answer.
/// The phone simulator and the IVR tests both walk calls with it, so they follow TwiML the same way.
/// </summary>
public sealed class SimulatedCall(string? from, string callSid = "", string accountSid = SimulatedCall.PlaceholderAccountSid)
{
    public const string SupportNumber = "+443458800808";
    public const string PlaceholderAccountSid = "AC00000000000000000000000000000000";

    public string CallSid { get; } = callSid.Length > 0 ? callSid : "CA" + Guid.NewGuid().ToString("N");

    /// <summary>E.164, or null for a withheld number (Twilio then sends <c>anonymous</c>).</summary>
    public string? From { get; } = from;

    /// <summary>The service's last answer.</summary>
    public XDocument Twiml { get; private set; } = new();

    /// <summary>Everything said in the last answer, in order, including the prompts inside a Gather.</summary>
    public IReadOnlyList<string> Says => Twiml.Descendants("Say").Select(s => s.Value).ToList();

    public bool HungUp => Verbs.Any(v => v.Name.LocalName == "Hangup");

    /// <summary>The verb the call now waits on: Gather, Record or Redirect; null when the answer ends the call.</summary>
    public XElement? Waiting => Verbs.TakeWhile(v => v.Name.LocalName != "Hangup")
        .FirstOrDefault(v => v.Name.LocalName is "Gather" or "Record" or "Redirect");

    public XElement? Gather => Waiting is { Name.LocalName: "Gather" } g ? g : null;

    public XElement? Record => Waiting is { Name.LocalName: "Record" } r ? r : null;

    /// <summary>Twilio hangs up after <c>&lt;Hangup/&gt;</c> or when the document runs out of verbs.</summary>
    public bool Ended => Twiml.Root is not null && Waiting is null;

    /// <summary>How many keys the Gather waits for; null when it waits for its finishing key or a pause.</summary>
    public int? DigitsWanted => int.TryParse(Gather?.Attribute("numDigits")?.Value, out var n) ? n : null;

    /// <summary>The key that ends the input (not sent itself); Twilio's default is <c>#</c>, an empty attribute means none.</summary>
    public string FinishOnKey => Gather?.Attribute("finishOnKey")?.Value ?? "#";

    public void Answered(XDocument twiml) => Twiml = twiml;

    public WebhookRequest Dial() => new("/twilio/voice/incoming", Fields([]));

    /// <summary>The Gather's action with these digits, as Twilio sends it once the input is complete.</summary>
    public WebhookRequest Press(string digits) => new(ActionOf(Gather, "Gather"), Fields([new("Digits", digits)]));

    /// <summary>
    /// The caller says nothing: a Gather with <c>actionOnEmptyResult</c> posts empty digits; otherwise, and after a
    /// Record that heard nothing, Twilio carries on with the next verb. Null when nothing follows and the call ends.
    /// </summary>
    public WebhookRequest? Silence()
    {
        if (Gather is { } gather && gather.Attribute("actionOnEmptyResult")?.Value == "true")
            return Press("");
        var next = Verbs.SkipWhile(v => v != Waiting).FirstOrDefault(v => v.Name.LocalName is "Redirect" or "Hangup");
        return next is { Name.LocalName: "Redirect" } redirect ? Follow(redirect) : null;
    }

    /// <summary>The Record's action after the caller spoke and pressed its finishing key.</summary>
    public WebhookRequest Recorded(string recordingSid, int seconds) =>
        new(ActionOf(Record, "Record"), Fields(RecordingFields(recordingSid, seconds).Append(new("Digits", "#"))));

    /// <summary>The recording status callback, when the Record names one.</summary>
    public WebhookRequest? RecordingCompleted(string recordingSid, int seconds) =>
        Record?.Attribute("recordingStatusCallback")?.Value is { Length: > 0 } url
            ? new(PathOf(url), Fields(RecordingFields(recordingSid, seconds).Append(new("RecordingStatus", "completed"))))
            : null;

    /// <summary>The transcription callback, when the Record asked for one: what Twilio heard the caller say.</summary>
    public WebhookRequest? Transcribed(string recordingSid, string text) =>
        Record is { } record && record.Attribute("transcribe")?.Value == "true" && record.Attribute("transcribeCallback")?.Value is { Length: > 0 } url
            ? new(PathOf(url), Fields([
                new("TranscriptionSid", "TR" + recordingSid[2..]), new("TranscriptionText", text), new("TranscriptionStatus", "completed"),
                new("RecordingSid", recordingSid), new("RecordingUrl", RecordingUrl(recordingSid))]))
            : null;

    /// <summary>The number's call status callback as the line goes dead.</summary>
    public WebhookRequest StatusCallback(string status = "completed") => Callback("/twilio/voice/status", [new("CallStatus", status)]);

    /// <summary>Any other webhook about this call: the standard fields, overridden or extended by these.</summary>
    public WebhookRequest Callback(string pathAndQuery, IEnumerable<KeyValuePair<string, string>> fields) => new(pathAndQuery, Fields(fields));

    public string RecordingUrl(string recordingSid) =>
        $"https://api.twilio.com/2010-04-01/Accounts/{accountSid}/Recordings/{recordingSid}";

    private IEnumerable<XElement> Verbs => Twiml.Root?.Elements() ?? [];

    private IEnumerable<KeyValuePair<string, string>> RecordingFields(string recordingSid, int seconds) =>
    [
        new("RecordingSid", recordingSid), new("RecordingUrl", RecordingUrl(recordingSid)),
        new("RecordingDuration", seconds.ToString(CultureInfo.InvariantCulture)),
    ];

    private WebhookRequest Follow(XElement redirect) => new(PathOf(redirect.Value), Fields([]));

    private string ActionOf(XElement? verb, string name) =>
        PathOf(verb?.Attribute("action")?.Value ?? throw new InvalidOperationException($"The call is not waiting on a <{name}>:\n{Twiml}"));

    private List<KeyValuePair<string, string>> Fields(IEnumerable<KeyValuePair<string, string>> extra)
    {
        var caller = From ?? "anonymous";
        var form = new List<KeyValuePair<string, string>>
        {
            new("AccountSid", accountSid), new("ApiVersion", "2010-04-01"), new("CallSid", CallSid), new("CallStatus", "in-progress"),
            new("Direction", "inbound"), new("From", caller), new("To", SupportNumber), new("Called", SupportNumber), new("Caller", caller),
        };
        foreach (var field in extra)
        {
            form.RemoveAll(f => f.Key == field.Key);
            form.Add(field);
        }
        return form;
    }

    /// <summary>
    /// Action URLs are absolute under Twilio:PublicBaseUrl when it is set, else relative; the path and query is what is
    /// called. (Only http(s) counts as absolute: on Linux <c>/twilio/voice/account?attempt=1</c> parses as a file URI.)
    /// </summary>
    public static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttps || absolute.Scheme == Uri.UriSchemeHttp)
            ? absolute.PathAndQuery
            : url;
}
