using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.StatusPages;

/// <summary>An incident a caller may be calling about.</summary>
public sealed record OpenStatusIncident(string PageKey, string PageName, string Name, string Status, string Impact, bool IsMaintenance,
    string? Shortlink, DateTimeOffset UpdatedAt)
{
    /// <summary>Spoken or texted: <c>In progress</c>, <c>Investigating</c> …</summary>
    public string StatusWord => StatusTexts.StatusWord(Status);
}

/// <param name="CheckedAt">The last poll that got a valid answer; null while nothing is known about the page.</param>
/// <param name="Unreachable">On-call has been told the page does not answer; what is shown may be out of date.</param>
public sealed record PageStatus(string PageKey, string PageName, DateTimeOffset? CheckedAt, bool Unreachable, IReadOnlyList<OpenStatusIncident> OpenIncidents);

/// <summary>
/// What other features ask about status pages: the IVR announces open incidents after the greeting, SMS <c>STATUS</c>
/// answers with each page's state. Read from the stored tracking, never from the pages themselves, so a call is not
/// held up by a slow page.
/// </summary>
public sealed class StatusBoard(VoiceDbContext db, IOptionsMonitor<StatusPagesOptions> options)
{
    // Over, or not begun: an upcoming maintenance is not what anyone is calling about.
    private static readonly string[] NotOpen = ["resolved", "postmortem", "completed", "scheduled"];

    public async Task<IReadOnlyList<OpenStatusIncident>> GetOpenIncidentsAsync(CancellationToken cancellationToken = default) =>
        (await GetPagesAsync(cancellationToken)).SelectMany(p => p.OpenIncidents).ToList();

    /// <summary>Every configured page in configuration order, with its open incidents oldest first.</summary>
    public async Task<IReadOnlyList<PageStatus>> GetPagesAsync(CancellationToken cancellationToken = default)
    {
        var pages = options.CurrentValue.Pages;
        var keys = pages.Select(p => p.Key).ToList();
        var states = await db.Set<StatusPageState>().AsNoTracking().Where(s => keys.Contains(s.PageKey)).ToListAsync(cancellationToken);
        var open = await db.Set<TrackedIncident>().AsNoTracking()
            .Where(i => keys.Contains(i.PageKey) && !NotOpen.Contains(i.Status))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);

        return pages.Select(page =>
        {
            var state = states.FirstOrDefault(s => s.PageKey == page.Key);
            var incidents = open.Where(i => i.PageKey == page.Key)
                .Select(i => new OpenStatusIncident(page.Key, page.Name, i.Name, i.Status, i.Impact, i.IsMaintenance, i.Shortlink, i.UpdatedAt))
                .ToList();
            return new PageStatus(page.Key, page.Name, state?.BaselineAt is null ? null : state.LastSuccessAt, state?.UnreachableAlertSent ?? false, incidents);
        }).ToList();
    }
}
