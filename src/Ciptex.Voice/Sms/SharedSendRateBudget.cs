using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Sms;

/// <summary>One send that counted against the deployment's rate limit: a row per HTTP request to Twilio.</summary>
public sealed class SmsSendSlot
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class SmsSendSlotConfiguration : IEntityTypeConfiguration<SmsSendSlot>
{
    public void Configure(EntityTypeBuilder<SmsSendSlot> builder)
    {
        builder.ToTable("SmsSendSlots");
        builder.HasIndex(s => s.At);
    }
}

/// <summary>
/// The budget every instance of a PostgreSQL deployment shares, so that <c>Twilio:MaxMessagesPerSecond</c> holds for
/// the whole deployment and not per instance: the same sliding one-second window as <see cref="SendRateLimit"/>, kept
/// as rows in the database. Each ask is one short transaction that holds a transaction-level advisory lock, so two
/// dispatchers never both see the last free slot. Instants come from each instance's clock: hosts kept in step by
/// NTP (milliseconds) keep the limit to within that.
/// </summary>
internal sealed class SharedSendRateBudget(VoiceDbContext db) : ISendRateBudget
{
    /// <summary>Any fixed number, the same on every instance: the key of the advisory lock that serialises the asks.</summary>
    private const long LockKey = 0x53_4D_53_52_41_54_45; // "SMSRATE"

    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    /// <summary>Rows are kept a while past the window, so that a host whose clock lags a little still counts them.</summary>
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    public async Task<DateTimeOffset?> TryTakeAsync(int perSecond, DateTimeOffset now, CancellationToken ct)
    {
        var slots = db.Set<SmsSendSlot>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var windowStart = now - Window;
        var recent = await slots.AsNoTracking().Where(s => s.At > windowStart && s.At <= now)
            .OrderBy(s => s.At).Select(s => s.At).ToListAsync(ct);
        if (recent.Count >= perSecond)
            // The oldest sends that must leave the window before one more fits: the first of them sets when.
            return recent[recent.Count - perSecond] + Window;

        var expired = now - Keep;
        await slots.Where(s => s.At < expired).ExecuteDeleteAsync(ct);
        // Not through SaveChanges: the dispatcher's scope may track other rows, which are not this transaction's business.
        await db.Database.ExecuteSqlAsync($"INSERT INTO \"SmsSendSlots\" (\"At\") VALUES ({now.ToUniversalTime()})", ct);
        await transaction.CommitAsync(ct);
        return null;
    }
}
