using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tickets;

/// <summary>
/// <c>TICKET [reference]</c> by text: only tickets raised from the sender's own number (CONTRACT §6), so a
/// reference alone never tells a stranger about someone else's fault.
/// </summary>
internal sealed class TicketSmsLookup(VoiceDbContext db, TicketTexts texts) : ITicketLookup
{
    public async Task<string?> DescribeAsync(string phone, string? reference, CancellationToken ct)
    {
        var mine = db.Set<Ticket>().AsNoTracking().Where(t => t.CallerNumber == phone);
        var ticket = reference is null
            ? await mine.OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct)
            : await mine.SingleOrDefaultAsync(t => t.Reference == reference, ct);
        return ticket is null ? null : texts.StatusLine(ticket);
    }
}
