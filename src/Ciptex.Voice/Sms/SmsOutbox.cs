using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Sms;

/// <summary>
/// The one way a text leaves this service: it is added to the caller's <see cref="VoiceDbContext"/> and saved with
/// the caller's own changes, so the event and its text are stored together or not at all. The dispatcher sends it.
/// </summary>
public sealed class SmsOutbox(VoiceDbContext db, TimeProvider time, OutboxWakeInterceptor wake)
{
    /// <summary>
    /// Adds the message unless one with the same key is already stored or pending in this context.
    /// Nothing is saved here: the caller's <c>SaveChangesAsync</c> commits it with the event that caused it.
    /// </summary>
    /// <returns>False when the logical message already exists.</returns>
    public async Task<bool> EnqueueAsync(OutgoingSms sms, CancellationToken cancellationToken = default)
    {
        if (db.Set<OutboundMessage>().Local.Any(m => m.IdempotencyKey == sms.IdempotencyKey)
            || await db.Set<OutboundMessage>().AnyAsync(m => m.IdempotencyKey == sms.IdempotencyKey, cancellationToken))
            return false;
        db.Add(ToMessage(sms, time.GetUtcNow()));
        return true;
    }

    /// <summary>
    /// For a key that names something created in the caller's own uncommitted transaction, which no stored text can
    /// carry yet; the unique key still refuses a double at the commit.
    /// </summary>
    public void AddNew(OutgoingSms sms) => db.Add(Untracked(sms));

    /// <summary>The row for a text that the caller writes itself (a batch of tickets), tracked by no context.</summary>
    public OutboundMessage Untracked(OutgoingSms sms) => ToMessage(sms, time.GetUtcNow());

    /// <summary>The fan-out form: one query for the keys that already exist, however many texts.</summary>
    public async Task<int> EnqueueManyAsync(IReadOnlyCollection<OutgoingSms> texts, CancellationToken cancellationToken = default)
    {
        var keys = texts.Select(t => t.IdempotencyKey).Distinct().ToList();
        var existing = new HashSet<string>(db.Set<OutboundMessage>().Local.Select(m => m.IdempotencyKey));
        foreach (var chunk in keys.Chunk(500))
            existing.UnionWith(await db.Set<OutboundMessage>().Where(m => chunk.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken));
        var now = time.GetUtcNow();
        var added = 0;
        foreach (var sms in texts)
        {
            if (!existing.Add(sms.IdempotencyKey))
                continue;
            db.Add(ToMessage(sms, now));
            added++;
        }
        return added;
    }

    /// <summary>
    /// One text to every subscriber of a page, in subscription order, as a single <c>INSERT … SELECT</c>: ten
    /// thousand texts are stored in a fraction of a second instead of being tracked and saved row by row
    /// (docs/benchmarks.md). Each key is <paramref name="keyPrefix"/> followed by the phone; a key already stored is
    /// skipped. Unlike the other forms it writes at once: call it inside the caller's transaction, which it joins.
    /// </summary>
    /// <returns>How many texts were added.</returns>
    public async Task<int> EnqueueToSubscribersAsync(string pageKey, string keyPrefix, string body, string purpose, int priority,
        CancellationToken cancellationToken = default)
    {
        var text = SmsText.Shape(body).Text;
        var queued = nameof(OutboundMessageStatus.Queued);
        var now = time.GetUtcNow();
        var at = db.StoredInstant(now);
        var added = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "OutboundMessages" ("IdempotencyKey", "To", "Body", "Purpose", "Priority", "Status", "Attempts", "CreatedAt", "NextAttemptAt")
            SELECT {keyPrefix} || s."Phone", s."Phone", {text}, {purpose}, {priority}, {queued}, 0, {at}, {at}
            FROM "Subscription" AS s WHERE s."PageKey" = {pageKey} ORDER BY s."Id"
            ON CONFLICT ("IdempotencyKey") DO NOTHING
            """, cancellationToken);
        if (added > 0)
            wake.AddedWithoutTracking(db);
        return added;
    }

    private static OutboundMessage ToMessage(OutgoingSms sms, DateTimeOffset now) => new()
    {
        IdempotencyKey = sms.IdempotencyKey,
        To = sms.To,
        Body = SmsText.Shape(sms.Body).Text,
        Purpose = sms.Purpose,
        Priority = sms.Priority,
        TicketReference = sms.TicketReference,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

/// <param name="IdempotencyKey">Names the logical message, e.g. <c>ticket-confirmation:CIP-000123</c> or <c>status:twilio:{updateId}:{phone}</c>.</param>
/// <param name="To">E.164.</param>
public sealed record OutgoingSms(string IdempotencyKey, string To, string Body, string Purpose, int Priority = MessagePriority.Customer, string? TicketReference = null);
