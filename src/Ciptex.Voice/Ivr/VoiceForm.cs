using Ciptex.Voice.Phones;

namespace Ciptex.Voice.Ivr;

/// <summary>
/// The fields of a voice webhook the IVR uses. Twilio always sends CallSid; anything else may be missing, empty or
/// (from a fuzzer) absurd, and must never turn into an application error for a caller.
/// </summary>
public sealed record VoiceForm(
    string? CallSid, string? From, string Digits, int Attempt, string? Question, string? CallStatus,
    string? RecordingUrl, string? RecordingSid, int? RecordingDuration, string? TranscriptionText, string? TranscriptionStatus)
{
    private const int MaxSidLength = 64;

    public static async Task<VoiceForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        string? Field(string name) => form[name].ToString() is { Length: > 0 } value ? value : null;

        var sid = Field("CallSid");
        var from = PhoneNumberFormat.TryNormalise(Field("From"), out var e164) ? e164 : null;
        var attempt = int.TryParse(request.Query["attempt"], out var a) ? Math.Clamp(a, 1, IvrScript.MaxAttempts + 1) : 1;
        var recordingUrl = Field("RecordingUrl");
        return new VoiceForm(
            CallSid: sid is { Length: <= MaxSidLength } && sid.All(char.IsAsciiLetterOrDigit) ? sid : null,
            From: from,
            Digits: (Field("Digits") ?? "").Trim(),
            Attempt: attempt,
            Question: request.Query["question"].ToString(),
            CallStatus: Field("CallStatus"),
            RecordingUrl: Uri.TryCreate(recordingUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && recordingUrl!.Length <= 500 ? recordingUrl : null,
            RecordingSid: Field("RecordingSid") is { Length: <= MaxSidLength } rs ? rs : null,
            RecordingDuration: int.TryParse(Field("RecordingDuration"), out var d) && d >= 0 ? d : null,
            TranscriptionText: Field("TranscriptionText") is { } text ? text[..Math.Min(text.Length, 8000)] : null,
            TranscriptionStatus: Field("TranscriptionStatus"));
    }
}
