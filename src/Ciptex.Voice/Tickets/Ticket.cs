using Ciptex.Voice.Customers;
using Ciptex.Voice.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Tickets;

public enum TicketStatus { Open, Acknowledged, Responded, Resolved }

public enum TicketChannel { Phone, Portal }

public sealed class Ticket
{
    public long Id { get; set; }

    /// <summary><c>CIP-</c> and at least six digits, from the ticket's id.</summary>
    public required string Reference { get; set; }

    public FaultCategory Category { get; set; }
    public TicketStatus Status { get; set; } = TicketStatus.Open;
    public TicketChannel Channel { get; set; }
    public int? CustomerId { get; set; }
    public Customer? Customer { get; set; }

    /// <summary>E.164, or null when the caller withheld their number.</summary>
    public string? CallerNumber { get; set; }

    /// <summary>The call that raised it: Twilio's retries of the record action find the same ticket by it.</summary>
    public string? CallSid { get; set; }

    public string? Summary { get; set; }

    /// <summary>
    /// The calendar the first-response clock runs on: the customer's package, or Extended for a P1 whose caller
    /// accepted chargeable out-of-hours support.
    /// </summary>
    public SupportPackage ClockPackage { get; set; }

    public bool Chargeable { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset FirstResponseDueAt { get; set; }
    public DateTimeOffset? FirstRespondedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public int Recategorisations { get; set; }
    public string? RecordingSid { get; set; }
    public string? RecordingUrl { get; set; }
    public int? RecordingDurationSeconds { get; set; }
    public string? Transcription { get; set; }
    public List<TicketEscalation> Escalations { get; set; } = [];

    public static string ReferenceFor(long id) => $"CIP-{id:D6}";
}

/// <summary>An escalation level texted about a ticket: stored so that no later check sends it again.</summary>
public sealed class TicketEscalation
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public int Level { get; set; }
    public required string LevelName { get; set; }
    public DateTimeOffset SentAt { get; set; }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.HasIndex(t => t.Reference).IsUnique();
        builder.HasIndex(t => t.CallSid).IsUnique();
        builder.HasIndex(t => new { t.Status, t.FirstResponseDueAt });
        builder.HasIndex(t => t.CallerNumber);
        builder.Property(t => t.Reference).HasMaxLength(40);
        builder.Property(t => t.Category).HasConversion<string>().HasMaxLength(4);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ClockPackage).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CallerNumber).HasMaxLength(20);
        builder.Property(t => t.CallSid).HasMaxLength(64);
        builder.Property(t => t.Summary).HasMaxLength(2000);
        builder.Property(t => t.AcknowledgedBy).HasMaxLength(200);
        builder.Property(t => t.RecordingSid).HasMaxLength(64);
        builder.Property(t => t.RecordingUrl).HasMaxLength(500);
        builder.Property(t => t.Transcription).HasMaxLength(8000);
        builder.HasOne(t => t.Customer).WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(t => t.Escalations).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketEscalationConfiguration : IEntityTypeConfiguration<TicketEscalation>
{
    public void Configure(EntityTypeBuilder<TicketEscalation> builder)
    {
        builder.HasIndex(e => new { e.TicketId, e.Level }).IsUnique();
        builder.Property(e => e.LevelName).HasMaxLength(200);
    }
}
