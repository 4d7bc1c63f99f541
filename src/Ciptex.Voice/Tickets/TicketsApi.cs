using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Sla;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tickets;

public sealed record CustomerRef(string AccountNumber, string Name);

public sealed record EscalationDto(int Level, string Name, DateTimeOffset SentAt);

public sealed record TicketDto(
    string Reference, string Category, string Status, string Channel, CustomerRef? Customer, string? CallerNumber,
    string? Summary, DateTimeOffset OpenedAt, DateTimeOffset FirstResponseDueAt, DateTimeOffset? FirstRespondedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ResolvedAt, string? RecordingUrl,
    string? Transcription, bool Chargeable, IReadOnlyList<EscalationDto> Escalations)
{
    public static TicketDto From(Ticket t) => new(
        t.Reference, t.Category.ToString(), t.Status.ToString().ToLowerInvariant(), t.Channel.ToString().ToLowerInvariant(),
        t.Customer is null ? null : new CustomerRef(t.Customer.AccountNumber, t.Customer.Name), t.CallerNumber, t.Summary,
        t.OpenedAt, t.FirstResponseDueAt, t.FirstRespondedAt, t.AcknowledgedAt, t.AcknowledgedBy, t.ResolvedAt,
        t.RecordingUrl, t.Transcription, t.Chargeable,
        t.Escalations.OrderBy(e => e.Level).Select(e => new EscalationDto(e.Level, e.LevelName, e.SentAt)).ToList());
}

public sealed record NewTicketBody(string? AccountNumber, string? CallerNumber, string? Category, string? Summary, string? OpenedAt);

public sealed record AcknowledgeBody(string? By);

public sealed record RecategoriseBody(string? Category, string? Reason);

internal static class TicketsApi
{
    public static RouteGroupBuilder MapTickets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tickets");
        group.MapGet("/", ListAsync);
        group.MapGet("/{reference}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPost("/{reference}/acknowledge", (string reference, AcknowledgeBody? body, TicketService tickets, CancellationToken ct) =>
            ChangeAsync(reference, tickets, ct, t => TicketRules.Acknowledge(t, body?.By), t => tickets.AcknowledgeAsync(t, body!.By!.Trim(), ct)));
        group.MapPost("/{reference}/respond", (string reference, TicketService tickets, CancellationToken ct) =>
            ChangeAsync(reference, tickets, ct, TicketRules.Respond, t => tickets.RespondAsync(t, ct)));
        group.MapPost("/{reference}/recategorise", (string reference, RecategoriseBody? body, TicketService tickets, CancellationToken ct) =>
        {
            FaultCategory category = default;
            return ChangeAsync(reference, tickets, ct, t => TicketRules.Recategorise(t, body?.Category, body?.Reason, out category),
                t => tickets.RecategoriseAsync(t, category, body!.Reason!.Trim(), ct));
        });
        group.MapPost("/{reference}/resolve", (string reference, TicketService tickets, CancellationToken ct) =>
            ChangeAsync(reference, tickets, ct, _ => null, t => tickets.ResolveAsync(t, ct)));
        return group;
    }

    private static async Task<Results<Ok<List<TicketDto>>, ValidationProblem>> ListAsync(string? status, string? category, VoiceDbContext db, CancellationToken ct)
    {
        var query = db.Set<Ticket>().AsNoTracking().Include(t => t.Customer).Include(t => t.Escalations).AsQueryable();
        if (status is not null)
        {
            if (!Enum.TryParse<TicketStatus>(status, ignoreCase: true, out var s) || int.TryParse(status, out _))
                return Invalid("status", "The status is one of open, acknowledged, responded, resolved.");
            query = query.Where(t => t.Status == s);
        }
        if (category is not null)
        {
            if (!FaultCategoryNames.TryParse(category, out var c))
                return Invalid("category", "The category is one of P1, P2, P3, P4.");
            query = query.Where(t => t.Category == c);
        }
        var tickets = await query.OrderBy(t => t.FirstResponseDueAt).ThenBy(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(tickets.Select(TicketDto.From).ToList());
    }

    private static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> GetAsync(string reference, TicketService tickets, CancellationToken ct) =>
        await tickets.FindAsync(reference.ToUpperInvariant(), ct) is { } ticket ? TypedResults.Ok(TicketDto.From(ticket)) : NotFound(reference);

    private static async Task<Results<Created<TicketDto>, ValidationProblem>> CreateAsync(
        NewTicketBody body, VoiceDbContext db, TicketService tickets, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.AccountNumber == body.AccountNumber, ct);
        if (customer is null)
            errors["accountNumber"] = ["No customer has that account number."];
        var caller = "";
        if (body.CallerNumber is not null && !PhoneNumberFormat.TryNormalise(body.CallerNumber, out caller))
            errors["callerNumber"] = ["Not a valid phone number."];
        if (!FaultCategoryNames.TryParse(body.Category, out var category))
            errors["category"] = ["The category is one of P1, P2, P3, P4."];
        if (string.IsNullOrWhiteSpace(body.Summary) || body.Summary.Length > 2000)
            errors["summary"] = ["Describe the problem (1 to 2000 characters)."];
        if (!SlaApi.TryParseInstant(body.OpenedAt, time, out var openedAt) || openedAt > time.GetUtcNow())
            errors["openedAt"] = ["openedAt is an ISO-8601 time, not in the future."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var ticket = await tickets.OpenAsync(new NewTicket(category, TicketChannel.Portal, customer, caller.Length > 0 ? caller : null,
            Summary: body.Summary!.Trim(), OpenedAt: openedAt), ct);
        return TypedResults.Created($"/api/tickets/{ticket.Reference}", TicketDto.From(ticket));
    }

    private static async Task<IResult> ChangeAsync(string reference, TicketService tickets, CancellationToken ct,
        Func<Ticket, TicketRefusal?> refuse, Func<Ticket, Task> change)
    {
        if (await tickets.FindAsync(reference.ToUpperInvariant(), ct) is not { } ticket)
            return NotFound(reference);
        if (refuse(ticket) is { } refusal)
            return refusal.IsConflict ? Conflict(refusal.Message) : Invalid(refusal.Field!, refusal.Message);
        await change(ticket);
        return TypedResults.Ok(TicketDto.From(ticket));
    }

    private static ProblemHttpResult NotFound(string reference) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No ticket {reference}.");

    private static ProblemHttpResult Conflict(string title) => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title);

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
