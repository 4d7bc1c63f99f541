using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Escalation;

/// <summary>
/// "ACK CIP-000123" texted from a phone on the escalation matrix. A bare "ACK" means the latest ticket paged to that
/// phone, never a ticket paged to someone else (PITFALLS: reply codes reused across events).
/// </summary>
public sealed class Acknowledgements(VoiceDbContext db, EscalationMatrix matrix, TicketService tickets, TicketTexts texts,
    ILogger<Acknowledgements> logger)
{
    /// <returns>The reply to text back.</returns>
    public async Task<string> AcknowledgeBySmsAsync(string from, string? reference, CancellationToken ct)
    {
        if (await matrix.LevelOfPhoneAsync(from, ct) is not { } level)
        {
            logger.LogWarning("ACK refused from {Phone}: not on the escalation matrix", PhoneNumberFormat.Mask(from));
            return "Sorry, this number is not on the Ciptex escalation matrix, so it cannot acknowledge tickets.";
        }
        reference ??= await LatestPagedToAsync(from, ct);
        if (reference is null)
            return "No ticket has been paged to this number. Reply ACK followed by the reference, e.g. ACK CIP-000123.";
        if (await tickets.FindAsync(reference, ct) is not { } ticket)
            return $"No ticket {reference} was found. Check the reference and reply ACK {reference[..Math.Min(reference.Length, 20)]} again.";
        if (ticket.FirstRespondedAt is not null || ticket.Status == TicketStatus.Resolved)
            return $"{ticket.Reference} already has its first response; nothing more to acknowledge.";
        if (ticket.AcknowledgedAt is not null)
            return $"{ticket.Reference} was already acknowledged by {ticket.AcknowledgedBy}.";

        await tickets.AcknowledgeAsync(ticket, $"{level.Name} ({PhoneNumberFormat.Mask(from)}) by SMS", ct);
        return $"Acknowledged {ticket.Reference} ({ticket.Category}, {ticket.Customer?.Name ?? "unverified caller"}). " +
               $"Levels below breach are silenced; the first response is still due by {texts.Due(ticket)}.";
    }

    private Task<string?> LatestPagedToAsync(string phone, CancellationToken ct) =>
        db.Set<OutboundMessage>()
            .Where(m => m.To == phone && m.Purpose == "escalation" && m.TicketReference != null)
            .OrderByDescending(m => m.Id).Select(m => m.TicketReference).FirstOrDefaultAsync(ct);
}
