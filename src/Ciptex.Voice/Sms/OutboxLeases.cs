using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Sms;

/// <summary>
/// The dispatcher's writes to the outbox. Each is one conditional UPDATE, so two dispatchers (two processes, or a
/// restarted one and the ghost of the old) can never both believe they hold the same text.
/// </summary>
internal sealed class OutboxLeases(VoiceDbContext db)
{
    /// <summary>
    /// How long a claim is good for. Far longer than claim-to-record ever takes (one request, at most
    /// <c>TwilioRestClientSetup.RequestTimeout</c>), so only a dispatcher that died loses its texts to another.
    /// </summary>
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(2);

    private IQueryable<OutboundMessage> Messages => db.Set<OutboundMessage>();

    /// <summary>Claims the first due text (by priority, then age) that nobody holds, or returns null.</summary>
    public async Task<OutboundMessage?> ClaimNextAsync(string owner, DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await Messages.AsNoTracking()
            .Where(m => m.Status == OutboundMessageStatus.Queued && m.NextAttemptAt <= now && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .OrderBy(m => m.Priority).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(5)
            .ToListAsync(ct);
        foreach (var id in candidates)
        {
            ct.ThrowIfCancellationRequested();
            // Not cancellable from here: a claim made but not handed back to the caller would sit out its lease.
            var expires = now + Duration;
            var claimed = await Messages
                .Where(m => m.Id == id && m.Status == OutboundMessageStatus.Queued && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LeaseOwner, owner)
                    .SetProperty(m => m.LeaseExpiresAt, expires)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
            if (claimed == 1)
                return await Messages.AsNoTracking().SingleAsync(m => m.Id == id, CancellationToken.None);
            // Another dispatcher won this one; try the next.
        }
        return null;
    }

    /// <summary>Gives a claimed text back untouched, as if this attempt never happened (shutdown before sending).</summary>
    public Task ReleaseAsync(long id, string owner, CancellationToken ct) =>
        Messages.Where(m => m.Id == id && m.LeaseOwner == owner && m.Status == OutboundMessageStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1), ct);

    /// <summary>
    /// Records that Twilio accepted it. Not conditional on the lease: the text went out whoever holds it now.
    /// Returns false when another dispatcher had already recorded it — the double that leases bound but cannot rule out.
    /// </summary>
    public async Task<bool> RecordSentAsync(long id, string? sid, string sender, OutboundMessageStatus status, DateTimeOffset now, CancellationToken ct) =>
        await Messages.Where(m => m.Id == id && m.Status == OutboundMessageStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.TwilioSid, sid)
                .SetProperty(m => m.Sender, sender)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.UpdatedAt, now)
                .SetProperty(m => m.ErrorCode, (int?)null)
                .SetProperty(m => m.ErrorMessage, (string?)null)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), ct) == 1;

    /// <summary>Ends a text without sending it: failed for good, or the recipient has opted out.</summary>
    public Task RecordFinalAsync(long id, OutboundMessageStatus status, string sender, int? errorCode, string? errorMessage, DateTimeOffset now, CancellationToken ct) =>
        Messages.Where(m => m.Id == id && m.Status == OutboundMessageStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.Sender, sender)
                .SetProperty(m => m.ErrorCode, errorCode)
                .SetProperty(m => m.ErrorMessage, errorMessage)
                .SetProperty(m => m.UpdatedAt, now)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), ct);

    /// <summary>Puts it back in the queue for another attempt at <paramref name="retryAt"/>, noting why.</summary>
    public Task RecordRetryAsync(long id, string owner, DateTimeOffset retryAt, int? errorCode, string errorMessage, DateTimeOffset now, CancellationToken ct) =>
        Messages.Where(m => m.Id == id && m.LeaseOwner == owner && m.Status == OutboundMessageStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.NextAttemptAt, retryAt)
                .SetProperty(m => m.ErrorCode, errorCode)
                .SetProperty(m => m.ErrorMessage, errorMessage)
                .SetProperty(m => m.UpdatedAt, now)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), ct);

    /// <summary>
    /// The next instant a queued text may become claimable: a retry falling due or someone else's lease running out.
    /// Null when nothing is waiting.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var queued = Messages.AsNoTracking().Where(m => m.Status == OutboundMessageStatus.Queued);
        var retry = await queued.Where(m => m.NextAttemptAt > now)
            .OrderBy(m => m.NextAttemptAt).Select(m => (DateTimeOffset?)m.NextAttemptAt).FirstOrDefaultAsync(ct);
        var lease = await queued.Where(m => m.LeaseExpiresAt != null && m.LeaseExpiresAt >= now)
            .OrderBy(m => m.LeaseExpiresAt).Select(m => m.LeaseExpiresAt).FirstOrDefaultAsync(ct);
        // A lease is taken over strictly after it expires.
        var leaseFree = lease + TimeSpan.FromTicks(1);
        return (retry, leaseFree) switch
        {
            (null, var l) => l,
            (var r, null) => r,
            (var r, var l) => r < l ? r : l,
        };
    }
}
