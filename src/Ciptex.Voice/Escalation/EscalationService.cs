using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Escalation;

/// <summary>
/// One check of every ticket still waiting for a first response, and of RFOs whose reminder is due. Safe to run as
/// often as wished: each level is texted once, because the stored escalation row is what every check reads.
/// </summary>
public sealed class EscalationService(
    VoiceDbContext db, TicketService tickets, EscalationMatrix matrix, OnCallPager pager, SupportCalendar calendar,
    TimeProvider time, ILogger<EscalationService> logger)
{
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var levels = await matrix.LevelsAsync(ct);
        // Only tickets whose clock can have reached the first level are read: support time never runs faster than
        // the wall clock, so a ticket opened less than that share of its target ago has nothing due (a P1 texts level
        // 1 at once). Reading every waiting ticket each minute, with its customer and escalations, took tens of
        // megabytes and seconds of CPU once a burst of calls had opened thousands (docs/benchmarks.md).
        var first = levels.Count > 0 ? Math.Max(0, levels.Min(l => l.At)) : 0;
        var p2 = now - SupportCalendar.FirstResponseTarget(FaultCategory.P2) * first;
        var p3 = now - SupportCalendar.FirstResponseTarget(FaultCategory.P3) * first;
        var p4 = now - SupportCalendar.FirstResponseTarget(FaultCategory.P4) * first;
        var waiting = await db.Set<Ticket>().Include(t => t.Customer).Include(t => t.Escalations)
            .Where(t => t.FirstRespondedAt == null && (t.Status == TicketStatus.Open || t.Status == TicketStatus.Acknowledged))
            .Where(t => t.Category == FaultCategory.P1 || (t.Category == FaultCategory.P2 && t.OpenedAt <= p2)
                        || (t.Category == FaultCategory.P3 && t.OpenedAt <= p3) || (t.Category == FaultCategory.P4 && t.OpenedAt <= p4))
            .OrderBy(t => t.FirstResponseDueAt).ToListAsync(ct);

        var sent = 0;
        foreach (var ticket in waiting)
        {
            var clock = new TicketClock(ticket.Category,
                EscalationPolicy.ElapsedFraction(calendar, ticket.OpenedAt, now, ticket.Category, ticket.ClockPackage),
                ticket.AcknowledgedAt is not null, Responded: false, ticket.Escalations.Select(e => e.Level).ToHashSet());
            var due = EscalationPolicy.LevelsDue(clock, levels);
            foreach (var level in due)
                await tickets.EscalateAsync(ticket, level, ct);
            if (due.Count == 0)
                continue;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                // Another check (a second instance, or a run the scheduler started alongside an explicit one) stored
                // the same escalation first: the unique keys kept it single. Leave the rest to the next run.
                logger.LogWarning(ex, "Escalating {Reference} raced another check; stopping this run", ticket.Reference);
                db.ChangeTracker.Clear();
                return sent;
            }
            sent += due.Count;
            logger.LogInformation("Escalated {Reference} to level(s) {Levels}", ticket.Reference, string.Join(',', due));
        }
        return sent + await RemindOfRfosAsync(now, ct);
    }

    private async Task<int> RemindOfRfosAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = await db.Set<RfoRequest>().Where(r => r.ReminderSentAt == null && r.ReminderAt <= now).ToListAsync(ct);
        foreach (var rfo in due)
        {
            var customer = await db.Set<Customer>().FindAsync([rfo.CustomerId], ct);
            var dueWords = DueTimeWords.Describe(rfo.DueAt, now, calendar.TimeZone);
            await pager.PageAsync(1, $"rfo-reminder:{rfo.Id}",
                $"RFO reminder: the Reason for Outage for {customer?.Name ?? "a customer"} about \"{rfo.Incident}\" is due by {dueWords}.",
                "rfo-reminder", cancellationToken: ct);
            rfo.ReminderSentAt = now;
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }
}
