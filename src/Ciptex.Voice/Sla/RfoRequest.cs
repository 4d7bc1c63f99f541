using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Sla;

/// <summary>A customer's request for a Reason for Outage after a major incident: due 10 working days later.</summary>
public sealed class RfoRequest
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public required string Incident { get; set; }
    public string? TicketReference { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Level 1 is reminded two working days before the RFO is due.</summary>
    public DateTimeOffset ReminderAt { get; set; }

    public DateTimeOffset? ReminderSentAt { get; set; }
}

internal sealed class RfoRequestConfiguration : IEntityTypeConfiguration<RfoRequest>
{
    public void Configure(EntityTypeBuilder<RfoRequest> builder)
    {
        builder.ToTable("RfoRequests");
        builder.Property(r => r.Incident).HasMaxLength(2000);
        builder.Property(r => r.TicketReference).HasMaxLength(40);
        builder.HasIndex(r => r.ReminderAt);
        builder.HasOne<Customers.Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
