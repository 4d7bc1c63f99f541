using Ciptex.Voice.Data;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.StatusPages;

public enum PollOutcome
{
    /// <summary>The first successful poll: what the page shows is recorded, nothing is texted.</summary>
    Baseline,
    /// <summary>A valid answer; there may or may not have been anything new.</summary>
    Polled,
    /// <summary>Both endpoints answered 304.</summary>
    NotModified,
    /// <summary>No valid answer: nothing about incidents changed.</summary>
    Failed,
}

public sealed record PollResult(PollOutcome Outcome, int Announcements = 0, int TextsEnqueued = 0, string? Error = null);

/// <summary>
/// One poll of one page: fetch, diff against what is stored, and in one transaction store the new tracking rows
/// with the texts they cause. A crash before that commit loses nothing (the next poll sees the same news) and
/// one after it doubles nothing (the ids are known, and each text's key is unique in the outbox).
/// </summary>
public sealed class StatusPagePoller(
    VoiceDbContext db,
    StatusPageClient client,
    SmsOutbox outbox,
    OnCallPager pager,
    IOptionsMonitor<StatusPagesOptions> options,
    TimeProvider time,
    ILogger<StatusPagePoller> logger)
{
    public const string UpdatePurpose = "status-update";

    public async Task<PollResult> PollAsync(string pageKey, CancellationToken cancellationToken = default)
    {
        var page = options.CurrentValue.Find(pageKey) ?? throw new ArgumentException($"No status page '{pageKey}' is configured.", nameof(pageKey));
        var state = await db.Set<StatusPageState>().SingleOrDefaultAsync(s => s.PageKey == pageKey, cancellationToken);
        if (state is null)
            db.Add(state = new StatusPageState { PageKey = pageKey });
        var now = time.GetUtcNow();
        state.LastAttemptAt = now;

        PageFetch fetch;
        try
        {
            fetch = await client.FetchAsync(page.BaseUri, state.IncidentsValidators, state.MaintenancesValidators, cancellationToken);
        }
        catch (StatusPageUnavailableException ex)
        {
            await RecordFailureAsync(page, state, ex.Message, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // The reason says it all (and a page that is down for hours would otherwise log a stack trace a minute).
            logger.LogWarning("Status page {Page} poll failed ({Failures} in a row): {Reason} {Detail}",
                pageKey, state.ConsecutiveFailures, ex.Message, ex.InnerException?.Message);
            return new PollResult(PollOutcome.Failed, Error: ex.Message);
        }

        // The fan-out's texts are written while the news is applied (SmsOutbox.EnqueueToSubscribersAsync): one
        // transaction stores the tracking rows and their texts, or neither.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = fetch.NotModified ? new PollResult(PollOutcome.NotModified) : await ApplyAsync(page, state, fetch, now, cancellationToken);
        await RecordSuccessAsync(page, state, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (result.Announcements > 0 || result.Outcome == PollOutcome.Baseline)
            logger.LogInformation("Status page {Page} {Outcome}: {Announcements} announcements, {Texts} texts queued",
                pageKey, result.Outcome, result.Announcements, result.TextsEnqueued);
        return result;
    }

    private async Task<PollResult> ApplyAsync(StatusPageOptions page, StatusPageState state, PageFetch fetch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = fetch.Items.DistinctBy(i => i.Id).ToList();
        // Only the incidents in this answer matter: the diff never reads absence, so older rows need not be loaded.
        var ids = items.Select(i => i.Id).ToList();
        var tracked = await db.Set<TrackedIncident>().Include(i => i.Updates)
            .Where(i => i.PageKey == page.Key && ids.Contains(i.IncidentId)).ToListAsync(cancellationToken);
        var known = new KnownPage(state.BaselineAt is not null,
            tracked.Select(i => i.IncidentId).ToHashSet(), tracked.SelectMany(i => i.Updates).Select(u => u.UpdateId).ToHashSet());

        var changes = StatusDiff.Compare(known, items);
        var rows = tracked.ToDictionary(i => i.IncidentId);
        foreach (var incident in changes.NewIncidents)
            db.Add(rows[incident.Id] = TrackedIncident.From(page.Key, incident, now));
        foreach (var (incident, update) in changes.NewUpdates)
            rows[incident.Id].Updates.Add(TrackedIncidentUpdate.From(update, now));
        foreach (var incident in items)
            rows[incident.Id].Refresh(incident);

        var texts = await AnnounceAsync(page, changes.Announcements, rows, now, cancellationToken);

        // Validators are stored only with the rows they describe, so a 304 can never hide news that was not stored.
        if (!fetch.Incidents.NotModified)
            state.IncidentsValidators = fetch.Incidents.Validators;
        if (!fetch.Maintenances.NotModified)
            state.MaintenancesValidators = fetch.Maintenances.Validators;
        var outcome = state.BaselineAt is null ? PollOutcome.Baseline : PollOutcome.Polled;
        state.BaselineAt ??= now;
        return new PollResult(outcome, changes.Announcements.Count, texts);
    }

    private async Task<int> AnnounceAsync(StatusPageOptions page, IReadOnlyList<StatusAnnouncement> announcements,
        Dictionary<string, TrackedIncident> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (announcements.Count == 0)
            return 0;
        var total = 0;
        // Oldest first, and each announcement to every subscriber before the next, so the outbox holds them in order.
        foreach (var announcement in announcements)
        {
            var added = await outbox.EnqueueToSubscribersAsync(page.Key, $"status:{page.Key}:{announcement.Key}:",
                StatusTexts.Announcement(page.Name, announcement), UpdatePurpose, MessagePriority.StatusUpdate, cancellationToken);
            var row = rows[announcement.Incident.Id];
            if (announcement.Update is { } update)
                row.Updates.Single(u => u.UpdateId == update.Id).NotifiedCount += added;
            total += added;
            await PageOnCallIfMajorAsync(page, announcement.Incident, row, now, cancellationToken);
        }
        return total;
    }

    // Once per incident, with its first announcement; a closed incident needs no engineer.
    private async Task PageOnCallIfMajorAsync(StatusPageOptions page, PageIncident incident, TrackedIncident row, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (row.OnCallPagedAt is not null || incident.IsClosed || incident.Impact is not ("major" or "critical"))
            return;
        await pager.PageAsync(1, $"status-incident:{page.Key}:{incident.Id}", StatusTexts.OnCall(page.Name, incident),
            "status-major-incident", MessagePriority.Page, cancellationToken: cancellationToken);
        row.OnCallPagedAt = now;
    }

    private async Task RecordFailureAsync(StatusPageOptions page, StatusPageState state, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        state.ConsecutiveFailures++;
        state.FailingSince ??= now;
        state.LastError = reason.Length > 500 ? reason[..500] : reason;
        if (state.UnreachableAlertSent || state.ConsecutiveFailures < options.CurrentValue.FailureAlertAfter)
            return;
        await pager.PageAsync(1, $"status-unreachable:{page.Key}:{state.FailingSince.Value.UtcTicks}",
            StatusTexts.Unreachable(page.BaseUri, state.FailingSince.Value, state.ConsecutiveFailures, reason, page.Name),
            "status-page-unreachable", MessagePriority.Page, cancellationToken: cancellationToken);
        state.UnreachableAlertSent = true;
    }

    // A 304 counts too: the page answered, even though nothing about its incidents changes.
    private async Task RecordSuccessAsync(StatusPageOptions page, StatusPageState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state.UnreachableAlertSent && state.FailingSince is { } since)
            await pager.PageAsync(1, $"status-reachable:{page.Key}:{since.UtcTicks}", StatusTexts.Reachable(page.BaseUri, since, now),
                "status-page-reachable", MessagePriority.Page, cancellationToken: cancellationToken);
        state.UnreachableAlertSent = false;
        state.ConsecutiveFailures = 0;
        state.FailingSince = null;
        state.LastError = null;
        state.LastSuccessAt = now;
    }
}
