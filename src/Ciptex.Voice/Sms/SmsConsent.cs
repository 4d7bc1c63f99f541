using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Sms;

/// <summary>
/// A phone that told one of our senders to stop. Twilio blocks the pair (recipient, sender) — the sending number,
/// or the messaging service it belongs to — so consent is stored per pair, not per phone (PITFALLS: Rock #5581).
/// </summary>
public sealed class SmsOptOut
{
    public long Id { get; set; }

    /// <summary>E.164.</summary>
    public required string Phone { get; set; }

    /// <summary>The number (E.164) or messaging service SID that the phone opted out of.</summary>
    public required string Sender { get; set; }

    public DateTimeOffset OptedOutAt { get; set; }

    /// <summary>How we learnt it: <c>keyword</c> (STOP texted to us), <c>opt-out-type</c> or <c>twilio-21610</c>.</summary>
    public required string Source { get; set; }
}

internal sealed class SmsOptOutConfiguration : IEntityTypeConfiguration<SmsOptOut>
{
    public void Configure(EntityTypeBuilder<SmsOptOut> builder)
    {
        builder.ToTable("SmsOptOuts");
        builder.HasIndex(o => new { o.Phone, o.Sender }).IsUnique();
        builder.Property(o => o.Phone).HasMaxLength(20);
        builder.Property(o => o.Sender).HasMaxLength(64);
        builder.Property(o => o.Source).HasMaxLength(20);
    }
}

/// <summary>Reads and changes who may be texted from which sender. Each change is saved at once.</summary>
public sealed class SmsConsent(VoiceDbContext db, TimeProvider time, ILogger<SmsConsent> logger)
{
    public Task<bool> IsOptedOutAsync(string phone, string sender, CancellationToken ct) =>
        db.Set<SmsOptOut>().AnyAsync(o => o.Phone == phone && o.Sender == sender, ct);

    public async Task OptOutAsync(string phone, string sender, string source, CancellationToken ct)
    {
        if (await IsOptedOutAsync(phone, sender, ct))
            return;
        var optOut = new SmsOptOut { Phone = phone, Sender = sender, OptedOutAt = time.GetUtcNow(), Source = source };
        db.Add(optOut);
        try
        {
            await db.SaveChangesAsync(ct);
            logger.LogInformation("{Phone} opted out of texts from {Sender} ({Source})", Phones.PhoneNumberFormat.Mask(phone), sender, source);
        }
        catch (DbUpdateException)
        {
            // A retried webhook or a 21610 raced us to the same pair: the unique key kept one row, which is the point.
            db.Entry(optOut).State = EntityState.Detached;
        }
    }

    public async Task OptInAsync(string phone, string sender, CancellationToken ct)
    {
        var removed = await db.Set<SmsOptOut>().Where(o => o.Phone == phone && o.Sender == sender).ExecuteDeleteAsync(ct);
        if (removed > 0)
            logger.LogInformation("{Phone} opted back in to texts from {Sender}", Phones.PhoneNumberFormat.Mask(phone), sender);
    }
}
