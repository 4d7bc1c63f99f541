namespace Ciptex.Voice.StatusPages;

/// <summary>
/// An incident or a scheduled maintenance as one successful poll saw it: only what the announcements and the
/// tracking need, read from the Statuspage v2 shape (reference/statuspage.md §5–7).
/// </summary>
public sealed record PageIncident(
    string Id,
    string Name,
    string Status,
    string Impact,
    string? Shortlink,
    bool IsMaintenance,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PageIncidentUpdate> Updates)
{
    /// <summary>Incidents that are over: nothing more is expected, and callers are not told about them.</summary>
    public static bool IsClosedStatus(string status) => status is "resolved" or "postmortem" or "completed";

    public bool IsClosed => IsClosedStatus(Status);

    /// <summary>The latest update by time, not by list position (the API's order is not documented).</summary>
    public PageIncidentUpdate? Latest => Updates.Count == 0 ? null : Updates.MaxBy(u => u.SortKey, SortKeyComparer.Instance);
}

/// <summary>One update of an incident; its <see cref="Id"/> stays the same when an operator edits it.</summary>
public sealed record PageIncidentUpdate(
    string Id,
    string Status,
    string Body,
    DateTimeOffset CreatedAt,
    DateTimeOffset DisplayAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>
    /// The time shown publicly first (a re-dated or backfilled update is placed where its page shows it), then the
    /// time it was written, then the id so that equal times still come out in one order on every poll.
    /// </summary>
    public (DateTimeOffset DisplayAt, DateTimeOffset CreatedAt, string Id) SortKey => (DisplayAt, CreatedAt, Id);
}

internal sealed class SortKeyComparer : IComparer<(DateTimeOffset DisplayAt, DateTimeOffset CreatedAt, string Id)>
{
    public static readonly SortKeyComparer Instance = new();

    public int Compare((DateTimeOffset DisplayAt, DateTimeOffset CreatedAt, string Id) x, (DateTimeOffset DisplayAt, DateTimeOffset CreatedAt, string Id) y)
    {
        var byDisplay = x.DisplayAt.CompareTo(y.DisplayAt);
        if (byDisplay != 0)
            return byDisplay;
        var byCreated = x.CreatedAt.CompareTo(y.CreatedAt);
        return byCreated != 0 ? byCreated : string.CompareOrdinal(x.Id, y.Id);
    }
}
