using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Escalation;

/// <summary>The facts about a ticket that decide who is texted.</summary>
public sealed record TicketClock(FaultCategory Category, double ElapsedFraction, bool Acknowledged, bool Responded, IReadOnlySet<int> LevelsSent);

/// <summary>
/// Pure decision: which levels a ticket should text now (CONTRACT §6). A level is texted once when the support time
/// elapsed reaches its <c>At</c> × the first-response target; a P1 texts level 1 at once; an acknowledgement
/// silences the levels with <c>At</c> below 1, a first response silences all.
/// </summary>
public static class EscalationPolicy
{
    public static IReadOnlyList<int> LevelsDue(TicketClock ticket, IReadOnlyList<MatrixLevel> levels)
    {
        if (ticket.Responded)
            return [];
        var due = new List<int>();
        foreach (var level in levels.OrderBy(l => l.Level))
        {
            if (ticket.LevelsSent.Contains(level.Level) || (ticket.Acknowledged && level.At < 1))
                continue;
            var reached = ticket.ElapsedFraction >= level.At || (ticket.Category == FaultCategory.P1 && level.Level == 1);
            if (reached)
                due.Add(level.Level);
        }
        return due;
    }

    /// <summary>Support time elapsed as a fraction of the category's first-response target.</summary>
    public static double ElapsedFraction(SupportCalendar calendar, DateTimeOffset openedAt, DateTimeOffset now, FaultCategory category, SupportPackage package) =>
        calendar.SupportTimeBetween(openedAt, now, package) / SupportCalendar.FirstResponseTarget(category);
}
