using System.Globalization;
using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Sla;

public sealed record DueAtDto(DateTimeOffset DueAt);

public sealed record RfoRequestBody(string? AccountNumber, string? Incident, string? TicketReference, string? RequestedAt);

public sealed record RfoDto(long Id, string AccountNumber, string Incident, string? TicketReference,
    DateTimeOffset RequestedAt, DateTimeOffset DueAt, DateTimeOffset ReminderAt, DateTimeOffset? ReminderSentAt);

internal static class SlaApi
{
    public static RouteGroupBuilder MapSla(this RouteGroupBuilder api)
    {
        api.MapGet("/sla/due", GetDue);
        api.MapGet("/rfo", ListRfosAsync);
        api.MapPost("/rfo", RequestRfoAsync);
        return api;
    }

    private static Results<Ok<DueAtDto>, ValidationProblem> GetDue(
        string? category, string? package, string? openedAt, SupportCalendar calendar, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (!FaultCategoryNames.TryParse(category, out var parsedCategory))
            errors["category"] = ["The category is one of P1, P2, P3, P4."];
        if (!SupportPackageNames.TryParse(package, out var parsedPackage))
            errors["package"] = ["The package is 'production' or 'extended'."];
        if (!TryParseInstant(openedAt, time, out var opened))
            errors["openedAt"] = ["openedAt is an ISO-8601 time, e.g. 2026-11-27T16:30:00Z."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(new DueAtDto(calendar.DueAt(opened, parsedCategory, parsedPackage)));
    }

    private static async Task<Ok<List<RfoDto>>> ListRfosAsync(VoiceDbContext db, CancellationToken ct)
    {
        var rows = await db.Set<RfoRequest>().AsNoTracking()
            .Join(db.Set<Customer>(), r => r.CustomerId, c => c.Id, (r, c) => new { r, c.AccountNumber })
            .OrderBy(x => x.r.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(x => ToDto(x.r, x.AccountNumber)).ToList());
    }

    private static async Task<Results<Created<RfoDto>, ValidationProblem>> RequestRfoAsync(
        RfoRequestBody body, VoiceDbContext db, SupportCalendar calendar, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.AccountNumber == body.AccountNumber, ct);
        if (customer is null)
            errors["accountNumber"] = ["No customer has that account number."];
        if (string.IsNullOrWhiteSpace(body.Incident) || body.Incident.Length > 2000)
            errors["incident"] = ["Say which incident the RFO is for (1 to 2000 characters)."];
        if (body.TicketReference is not null && !Tickets.TicketReferences.IsValid(body.TicketReference))
            errors["ticketReference"] = ["A ticket reference looks like CIP-000123."];
        if (!TryParseInstant(body.RequestedAt, time, out var requestedAt) || requestedAt > time.GetUtcNow())
            errors["requestedAt"] = ["requestedAt is an ISO-8601 time, not in the future."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var dueAt = calendar.RfoDueAt(requestedAt);
        var rfo = new RfoRequest
        {
            CustomerId = customer!.Id, Incident = body.Incident!.Trim(), TicketReference = body.TicketReference,
            RequestedAt = requestedAt, DueAt = dueAt, ReminderAt = calendar.RfoReminderAt(dueAt),
        };
        db.Add(rfo);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/rfo/{rfo.Id}", ToDto(rfo, customer.AccountNumber));
    }

    /// <summary>An absent value means now; a value without an offset is read as UTC.</summary>
    public static bool TryParseInstant(string? value, TimeProvider time, out DateTimeOffset instant)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            instant = time.GetUtcNow();
            return true;
        }
        var ok = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
        instant = instant.ToUniversalTime();
        return ok;
    }

    private static RfoDto ToDto(RfoRequest r, string accountNumber) =>
        new(r.Id, accountNumber, r.Incident, r.TicketReference, r.RequestedAt, r.DueAt, r.ReminderAt, r.ReminderSentAt);
}
