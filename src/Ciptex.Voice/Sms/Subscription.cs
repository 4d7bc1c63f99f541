using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Sms;

/// <summary>A phone that wants every update of one status page (<c>twilio</c> or <c>ciptex</c>).</summary>
public sealed class Subscription
{
    public long Id { get; set; }

    /// <summary>E.164.</summary>
    public required string Phone { get; set; }

    public required string PageKey { get; set; }

    /// <summary>When and how consent was given: <c>sms</c>, <c>ivr</c> (a key pressed during a call) or <c>api</c>.</summary>
    public DateTimeOffset SubscribedAt { get; set; }

    public required string Source { get; set; }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasIndex(s => new { s.Phone, s.PageKey }).IsUnique();
        builder.HasIndex(s => s.PageKey);
        builder.Property(s => s.Phone).HasMaxLength(20);
        builder.Property(s => s.PageKey).HasMaxLength(40);
        builder.Property(s => s.Source).HasMaxLength(20);
    }
}
