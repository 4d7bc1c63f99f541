using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Tickets;

/// <summary>What customers are texted about their tickets; kept together so the wording reads as one voice.</summary>
public sealed class TicketTexts(SupportCalendar calendar, TimeProvider time)
{
    public string Due(Ticket ticket) => DueTimeWords.Describe(ticket.FirstResponseDueAt, time.GetUtcNow(), calendar.TimeZone);

    public string Confirmation(Ticket ticket) =>
        $"Ciptex Support: ticket {ticket.Reference} ({ticket.Category.Describe()}) is open. " +
        $"An engineer will respond by {Due(ticket)}. Reply TICKET {ticket.Reference} for an update.";

    public string Recategorised(Ticket ticket, FaultCategory previous, string reason) =>
        $"Ciptex Support: we have changed ticket {ticket.Reference} from {previous} to {ticket.Category.Describe()}: {reason}. " +
        $"An engineer will respond by {Due(ticket)}.";

    public string Resolved(Ticket ticket) =>
        $"Ciptex Support: ticket {ticket.Reference} is resolved. If the problem comes back, call +44 345 8800 808 and quote {ticket.Reference}.";

    public string StatusLine(Ticket ticket) => ticket.Status switch
    {
        TicketStatus.Resolved => $"{ticket.Reference} ({ticket.Category}): resolved.",
        TicketStatus.Responded => $"{ticket.Reference} ({ticket.Category}): an engineer has responded and is working on it.",
        TicketStatus.Acknowledged => $"{ticket.Reference} ({ticket.Category}): an engineer has picked it up; first response due by {Due(ticket)}.",
        _ => $"{ticket.Reference} ({ticket.Category}): open; first response due by {Due(ticket)}.",
    };
}
