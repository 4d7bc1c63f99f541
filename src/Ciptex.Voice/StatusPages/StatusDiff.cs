namespace Ciptex.Voice.StatusPages;

/// <summary>What is already stored about one page.</summary>
public sealed record KnownPage(bool BaselineDone, IReadOnlySet<string> IncidentIds, IReadOnlySet<string> UpdateIds)
{
    public static readonly KnownPage Empty = new(false, new HashSet<string>(), new HashSet<string>());
}

/// <summary>One text to each subscriber: a new incident (shown by its latest update), or a new update of a known one.</summary>
public sealed record StatusAnnouncement(PageIncident Incident, PageIncidentUpdate? Update, bool IsNewIncident)
{
    /// <summary>Names the logical message: the update it shows, or the incident when it has no update yet.</summary>
    public string Key => Update?.Id ?? $"incident-{Incident.Id}";

    internal (DateTimeOffset DisplayAt, DateTimeOffset CreatedAt, string Id) SortKey =>
        Update?.SortKey ?? (Incident.CreatedAt, Incident.CreatedAt, Incident.Id);
}

/// <summary>The rows to store and the texts to send after one valid poll.</summary>
public sealed record StatusChanges(
    IReadOnlyList<PageIncident> NewIncidents,
    IReadOnlyList<(PageIncident Incident, PageIncidentUpdate Update)> NewUpdates,
    IReadOnlyList<StatusAnnouncement> Announcements);

/// <summary>
/// The notification policy of CONTRACT §6, with no HTTP and no database. Only ids decide: an incident or update is
/// announced the first time its id is seen after the baseline, never again, and an edit (same id) never. Absence from
/// a snapshot means nothing at all, so no snapshot can resolve an incident. <c>deliver_notifications</c> is ignored.
/// </summary>
public static class StatusDiff
{
    public static StatusChanges Compare(KnownPage known, IEnumerable<PageIncident> snapshot)
    {
        // The same id in both lists (or twice in one) is one incident.
        var incidents = snapshot.DistinctBy(i => i.Id).ToList();

        var newIncidents = incidents.Where(i => !known.IncidentIds.Contains(i.Id)).ToList();
        var newUpdates = incidents
            .Where(i => known.IncidentIds.Contains(i.Id))
            .SelectMany(i => i.Updates.Where(u => !known.UpdateIds.Contains(u.Id)).Select(u => (Incident: i, Update: u)))
            .ToList();

        // The first successful poll records what the page already shows, and says nothing about it.
        if (!known.BaselineDone)
            return new StatusChanges(newIncidents, newUpdates, []);

        var announcements = newIncidents
            .Select(i => new StatusAnnouncement(i, i.Latest, IsNewIncident: true))
            .Concat(newUpdates.Select(x => new StatusAnnouncement(x.Incident, x.Update, IsNewIncident: false)))
            .OrderBy(a => a.SortKey, SortKeyComparer.Instance)
            .ToList();
        return new StatusChanges(newIncidents, newUpdates, announcements);
    }
}
