using Ciptex.Voice.Sla;
using Ciptex.Voice.Tickets;

namespace Ciptex.Voice.Escalation;

/// <summary>What an engineer on call is texted: what, who, how long is left, and how to say "mine".</summary>
public sealed class EscalationTexts(SupportCalendar calendar, TimeProvider time)
{
    private const int TranscriptionWords = 12;

    public string TicketPage(Ticket ticket, string levelName)
    {
        // Support time, as the policy counts it: "4h 00m left" on a Thursday evening means four working hours.
        var now = time.GetUtcNow();
        var clock = now < ticket.FirstResponseDueAt
            ? $"{Duration(calendar.SupportTimeBetween(now, ticket.FirstResponseDueAt, ticket.ClockPackage))} left " +
              $"(due {DueTimeWords.Describe(ticket.FirstResponseDueAt, now, calendar.TimeZone)})"
            : $"OVERDUE by {Duration(calendar.SupportTimeBetween(ticket.FirstResponseDueAt, now, ticket.ClockPackage))}";
        var who = ticket.Customer?.Name ?? "unverified caller";
        var caller = ticket.CallerNumber ?? "number withheld";
        var words = FirstWords(ticket.Transcription ?? ticket.Summary);
        return $"[{levelName}] {ticket.Reference} {ticket.Category.Describe()} for {who}, caller {caller}. {clock}." +
               (words.Length > 0 ? $" \"{words}\"" : "") +
               $" Reply ACK {ticket.Reference} to take it.";
    }

    public static string HangUpPage(string callerNumber, string? customerName) =>
        $"P1 caller hung up before leaving details: {customerName ?? "unverified caller"}, {callerNumber}. Please call them back.";

    /// <summary>"1h 05m", "45m", "2d 3h".</summary>
    public static string Duration(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => $"{(int)span.TotalDays}d {span.Hours}h",
        { TotalHours: >= 1 } => $"{(int)span.TotalHours}h {span.Minutes:D2}m",
        _ => $"{Math.Max(0, (int)Math.Ceiling(span.TotalMinutes))}m",
    };

    private static string FirstWords(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= TranscriptionWords ? string.Join(' ', words) : string.Join(' ', words.Take(TranscriptionWords)) + "…";
    }
}
