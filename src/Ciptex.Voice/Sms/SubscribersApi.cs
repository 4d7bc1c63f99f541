using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Sms;

/// <param name="OptedOut">True when the phone has opted out of texts from our sender: it stays subscribed, but is not texted until START.</param>
public sealed record SubscriberDto(string Phone, IReadOnlyList<string> Pages, bool OptedOut);

public sealed record SubscriberRequest(string? Phone, List<string>? Pages);

/// <summary><c>/api/subscribers</c>: who gets a text for each status-page update (CONTRACT §5).</summary>
internal static class SubscribersApi
{
    public static RouteGroupBuilder MapSubscribers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/subscribers");
        group.MapGet("/", ListAsync);
        group.MapPost("/", AddAsync);
        group.MapDelete("/{phone}", RemoveAsync);
        return group;
    }

    private static async Task<Ok<List<SubscriberDto>>> ListAsync(VoiceDbContext db, IOptionsMonitor<TwilioOptions> options, CancellationToken ct)
    {
        var subscriptions = await db.Set<Subscription>().AsNoTracking().ToListAsync(ct);
        var sender = options.CurrentValue.Sender;
        var optedOut = (await db.Set<SmsOptOut>().AsNoTracking().Where(o => o.Sender == sender).Select(o => o.Phone).ToListAsync(ct)).ToHashSet();
        return TypedResults.Ok(subscriptions.GroupBy(s => s.Phone).OrderBy(g => g.Key)
            .Select(g => new SubscriberDto(g.Key, Ordered(g.Select(s => s.PageKey)), optedOut.Contains(g.Key)))
            .ToList());
    }

    /// <summary>Adds the pages to the phone's subscriptions (missing pages: all of them); pages it has already stay.</summary>
    private static async Task<Results<Created<SubscriberDto>, Ok<SubscriberDto>, ValidationProblem>> AddAsync(
        SubscriberRequest request, VoiceDbContext db, SmsConsent consent, IOptionsMonitor<TwilioOptions> options, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PhoneNumberFormat.TryNormalise(request.Phone, out var phone))
            errors["phone"] = ["Not a valid phone number."];
        var pages = (request.Pages ?? [.. SubscriptionPages.All]).Select(p => p?.Trim().ToLowerInvariant()).ToList();
        if (pages.Count == 0 || !pages.All(SubscriptionPages.IsKnown))
            errors["pages"] = [$"Pages are one or more of {string.Join(", ", SubscriptionPages.All.Select(p => $"'{p}'"))}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var existing = await db.Set<Subscription>().Where(s => s.Phone == phone).Select(s => s.PageKey).ToListAsync(ct);
        foreach (var page in pages.OfType<string>().Distinct().Except(existing))
            db.Add(new Subscription { Phone = phone, PageKey = page, Source = "api", SubscribedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);

        var all = Ordered(existing.Union(pages.OfType<string>()));
        var subscriber = new SubscriberDto(phone, all, await consent.IsOptedOutAsync(phone, options.CurrentValue.Sender, ct));
        return existing.Count == 0
            ? TypedResults.Created($"/api/subscribers/{Uri.EscapeDataString(phone)}", subscriber)
            : TypedResults.Ok(subscriber);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAsync(string phone, VoiceDbContext db, CancellationToken ct)
    {
        if (!PhoneNumberFormat.TryNormalise(phone, out var e164))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["phone"] = ["Not a valid phone number."] });
        var removed = await db.Set<Subscription>().Where(s => s.Phone == e164).ExecuteDeleteAsync(ct);
        return removed == 0
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{PhoneNumberFormat.Mask(e164)} is not subscribed.")
            : TypedResults.NoContent();
    }

    private static List<string> Ordered(IEnumerable<string> pages) =>
        pages.Distinct().OrderBy(p => SubscriptionPages.All.ToList().IndexOf(p)).ToList();
}
