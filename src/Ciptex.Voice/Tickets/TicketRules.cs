using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Tickets;

/// <summary>Why a change to a ticket was refused: a field given wrongly, or (no field) the ticket's state.</summary>
public sealed record TicketRefusal(string? Field, string Message)
{
    public bool IsConflict => Field is null;
}

/// <summary>
/// When a ticket may be acknowledged, responded to or recategorised. The admin API and the dashboard both ask here,
/// so an engineer meets the same rules and the same words whichever one they use.
/// </summary>
public static class TicketRules
{
    public const int MaxByLength = 200;
    public const int MaxReasonLength = 300;

    public static TicketRefusal? Acknowledge(Ticket ticket, string? by) =>
        string.IsNullOrWhiteSpace(by) || by.Length > MaxByLength ? new("by", "Say who acknowledged it (1 to 200 characters).")
        : ticket.Status == TicketStatus.Resolved ? Resolved(ticket)
        : null;

    public static TicketRefusal? Respond(Ticket ticket) =>
        ticket.Status == TicketStatus.Resolved && ticket.FirstRespondedAt is null ? Resolved(ticket) : null;

    public static TicketRefusal? Recategorise(Ticket ticket, string? category, string? reason, out FaultCategory parsed) =>
        !FaultCategoryNames.TryParse(category, out parsed) ? new("category", "The category is one of P1, P2, P3, P4.")
        : string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength ? new("reason", "Give the customer a reason (1 to 300 characters).")
        : ticket.Status == TicketStatus.Resolved ? Resolved(ticket)
        : null;

    private static TicketRefusal Resolved(Ticket ticket) => new(null, $"{ticket.Reference} is resolved.");
}
