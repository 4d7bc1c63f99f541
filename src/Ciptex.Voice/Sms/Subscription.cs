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

/// <summary>The status pages a phone can subscribe to (CONTRACT §5: <c>pages</c> is <c>["twilio", "ciptex"]</c>).</summary>
public static class SubscriptionPages
{
    public static readonly IReadOnlyList<string> All = ["twilio", "ciptex"];

    public static bool IsKnown(string? key) => key is not null && All.Contains(key);

    /// <summary>How a page is named in a text: "Twilio", "Twilio and Ciptex".</summary>
    public static string Describe(IEnumerable<string> keys) =>
        string.Join(" and ", keys.Select(k => k.Length == 0 ? k : char.ToUpperInvariant(k[0]) + k[1..]));
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
