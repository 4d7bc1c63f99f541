using Ciptex.Voice.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.StatusPages;

public sealed record IncidentUpdateDto(string Id, string Status, string Body, DateTimeOffset CreatedAt, DateTimeOffset DisplayAt,
    DateTimeOffset FirstSeenAt, int Notified);

/// <param name="Notified">Subscriber texts enqueued for the incident, over all its updates.</param>
public sealed record IncidentDto(string Id, string Name, string Status, string Impact, bool IsMaintenance, string? Shortlink,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset FirstSeenAt, DateTimeOffset? OnCallPagedAt, int Notified,
    IReadOnlyList<IncidentUpdateDto> Updates);

public sealed record StatusPageIncidentsDto(string Page, string Name, string BaseUrl, DateTimeOffset? BaselineAt, DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures, string? LastError, IReadOnlyList<IncidentDto> Incidents);

/// <summary><c>GET /api/incidents?page=&amp;limit=</c>: what each page showed, newest incident first, and what was texted.</summary>
internal static class IncidentsApi
{
    private const int DefaultLimit = 50;

    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/incidents");
        group.MapGet("/", ListAsync);
        return group;
    }

    private static async Task<Results<Ok<List<StatusPageIncidentsDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? page, int? limit, VoiceDbContext db, IOptionsMonitor<StatusPagesOptions> options, CancellationToken ct)
    {
        if (limit is < 1 or > 500)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["The limit is between 1 and 500."] });
        var pages = options.CurrentValue.Pages.Where(p => string.IsNullOrEmpty(page) || p.Key == page).ToList();
        if (pages.Count == 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No status page '{page}' is configured.");

        var result = new List<StatusPageIncidentsDto>();
        foreach (var p in pages)
        {
            var state = await db.Set<StatusPageState>().AsNoTracking().SingleOrDefaultAsync(s => s.PageKey == p.Key, ct);
            var incidents = await db.Set<TrackedIncident>().AsNoTracking().Include(i => i.Updates)
                .Where(i => i.PageKey == p.Key).OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
                .Take(limit ?? DefaultLimit).ToListAsync(ct);
            result.Add(new StatusPageIncidentsDto(p.Key, p.Name, p.BaseUrl, state?.BaselineAt, state?.LastSuccessAt,
                state?.ConsecutiveFailures ?? 0, state?.LastError, incidents.Select(ToDto).ToList()));
        }
        return TypedResults.Ok(result);
    }

    private static IncidentDto ToDto(TrackedIncident i) => new(i.IncidentId, i.Name, i.Status, i.Impact, i.IsMaintenance, i.Shortlink,
        i.CreatedAt, i.UpdatedAt, i.FirstSeenAt, i.OnCallPagedAt, i.Updates.Sum(u => u.NotifiedCount),
        i.Updates.OrderBy(u => u.DisplayAt).ThenBy(u => u.CreatedAt).ThenBy(u => u.Id)
            .Select(u => new IncidentUpdateDto(u.UpdateId, u.Status, u.Body, u.CreatedAt, u.DisplayAt, u.FirstSeenAt, u.NotifiedCount)).ToList());
}
