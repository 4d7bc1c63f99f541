using Ciptex.Voice.Sms;

namespace Ciptex.Voice.Escalation;

/// <summary>Answers <c>ACK [reference]</c> texted to the support number (the SMS feature's seam) with <see cref="Acknowledgements"/>.</summary>
internal sealed class SmsAcknowledger(Acknowledgements acknowledgements) : IPageAcknowledger
{
    public Task<string> AcknowledgeAsync(string phone, string? reference, CancellationToken ct) =>
        acknowledgements.AcknowledgeBySmsAsync(phone, reference, ct);
}
