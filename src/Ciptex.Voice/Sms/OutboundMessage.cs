using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Sms;

public enum OutboundMessageStatus
{
    /// <summary>Waiting in the outbox (also while a dispatcher holds its lease).</summary>
    Queued,
    /// <summary>Accepted by Twilio (201); Twilio's status callbacks move it on.</summary>
    Sent,
    Delivered,
    Undelivered,
    Failed,
    /// <summary>DryRun: stored and logged, never sent.</summary>
    Simulated,
    /// <summary>Not sent: the recipient has opted out of texts from our sender.</summary>
    OptedOut,
}

/// <summary>What a message is for; also what the outbox orders by (lower goes first).</summary>
public static class MessagePriority
{
    public const int UrgentPage = 0;
    public const int Page = 10;
    public const int Customer = 20;
    public const int StatusUpdate = 30;
}

/// <summary>
/// One logical text in the stored outbox. Written in the same transaction as the event that causes it; the unique
/// <see cref="IdempotencyKey"/> makes a second copy of the same logical message impossible.
/// </summary>
public sealed class OutboundMessage
{
    public long Id { get; set; }
    public required string IdempotencyKey { get; set; }

    /// <summary>E.164.</summary>
    public required string To { get; set; }

    public required string Body { get; set; }

    /// <summary>A short word for what the text is about: <c>ticket-confirmation</c>, <c>escalation</c>, <c>status-update</c> …</summary>
    public required string Purpose { get; set; }

    public int Priority { get; set; } = MessagePriority.Customer;
    public string? TicketReference { get; set; }
    public OutboundMessageStatus Status { get; set; } = OutboundMessageStatus.Queued;
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The dispatcher holding the message while it sends; another may take it once the lease has expired.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? TwilioSid { get; set; }

    /// <summary>What it was sent from (the support number or the messaging service): the consent it was checked against.</summary>
    public string? Sender { get; set; }

    public int? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> builder)
    {
        builder.ToTable("OutboundMessages");
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(200);
        builder.Property(m => m.To).HasMaxLength(20);
        builder.Property(m => m.Body).HasMaxLength(1600);
        builder.Property(m => m.Purpose).HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TicketReference).HasMaxLength(20);
        builder.Property(m => m.LeaseOwner).HasMaxLength(100);
        builder.Property(m => m.TwilioSid).HasMaxLength(64);
        builder.Property(m => m.Sender).HasMaxLength(64);
        builder.Property(m => m.ErrorMessage).HasMaxLength(500);
        builder.HasIndex(m => new { m.Status, m.Priority, m.NextAttemptAt });
        // The dispatcher's claim walks the queue in order (OutboxLeases.ClaimNextAsync) instead of sorting all of it
        // for each text: with 10,000 queued the sort alone held sending under 100 a second (docs/benchmarks.md).
        builder.HasIndex(m => new { m.Status, m.Priority, m.Id });
        builder.HasIndex(m => m.TwilioSid);
        builder.HasIndex(m => m.To);
        builder.HasIndex(m => m.TicketReference);
    }
}
