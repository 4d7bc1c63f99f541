using System.Globalization;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Tickets;

namespace Ciptex.Voice.Dashboard;

/// <summary>Where a ticket stands against its first-response time; also the CSS class and the words that show it.</summary>
public enum SlaState { OnTime, AtRisk, Breached, Met, Missed }

/// <summary>
/// Times as engineers read them: in the support calendar's zone, on the service's clock (so a page rendered by a test
/// host on a fake clock agrees with the tickets it shows), and counted down to the first-response time.
/// </summary>
public sealed class DashboardTime(SupportCalendar calendar, TimeProvider time)
{
    /// <summary>A ticket turns amber once half its first-response time, counted in support time, has gone.</summary>
    public const double AtRiskFraction = 0.5;

    public DateTimeOffset Now => time.GetUtcNow();

    public string ZoneName => calendar.TimeZone.Id;

    /// <summary>Machine-readable, for <c>&lt;time datetime&gt;</c> and the countdown script.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"Thu 26 Nov 2026, 14:00" in the support zone (the invariant culture's English names, as en-GB's).</summary>
    public string Local(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, calendar.TimeZone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"2 pm today": the words the caller was given.</summary>
    public string Words(DateTimeOffset instant) => DueTimeWords.Describe(instant, Now, calendar.TimeZone);

    /// <summary>When half the ticket's first-response time, in support time, will have gone.</summary>
    public DateTimeOffset AtRiskFrom(Ticket ticket) =>
        calendar.AddSupportTime(ticket.OpenedAt, SupportCalendar.FirstResponseTarget(ticket.Category) * AtRiskFraction, ticket.ClockPackage);

    /// <summary>A ticket resolved without a recorded first response counts its resolution as the response.</summary>
    public SlaState State(Ticket ticket) => (ticket.FirstRespondedAt ?? ticket.ResolvedAt) is { } responded
        ? responded <= ticket.FirstResponseDueAt ? SlaState.Met : SlaState.Missed
        : Now >= ticket.FirstResponseDueAt ? SlaState.Breached
        : Now >= AtRiskFrom(ticket) ? SlaState.AtRisk
        : SlaState.OnTime;

    public static string Css(SlaState state) => state switch
    {
        SlaState.Breached or SlaState.Missed => "breached",
        SlaState.AtRisk => "at-risk",
        _ => "on-time",
    };

    public static string Label(SlaState state) => state switch
    {
        SlaState.Breached => "Breached",
        SlaState.AtRisk => "At risk",
        SlaState.Met => "Responded in time",
        SlaState.Missed => "Responded late",
        _ => "On time",
    };

    /// <summary>"1 h 05 min left", "overdue by 20 min": what the countdown script shows, for the first render.</summary>
    public string Countdown(DateTimeOffset due)
    {
        var left = due - Now;
        return left > TimeSpan.Zero ? $"{Span(left)} left" : $"overdue by {Span(-left)}";
    }

    // Kept in step with countdown.js, which takes over once the page has loaded.
    private static string Span(TimeSpan span)
    {
        var minutes = (long)Math.Ceiling(span.TotalMinutes);
        var (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
        return days > 0 ? $"{days} d {hours} h" : hours > 0 ? $"{hours} h {mins:D2} min" : $"{mins} min";
    }
}
