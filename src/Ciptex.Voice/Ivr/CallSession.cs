using Ciptex.Voice.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Ivr;

/// <summary>
/// What the IVR knows about one call between webhooks. It outlives the call as its record: a caller who hangs up
/// early leaves one, with the category they had chosen.
/// </summary>
public sealed class CallSession
{
    public required string CallSid { get; set; }

    /// <summary>E.164, or null when the caller withheld their number.</summary>
    public string? From { get; set; }

    public int? CustomerId { get; set; }
    public FaultCategory? Category { get; set; }
    public bool? ProductionAffected { get; set; }
    public bool Chargeable { get; set; }
    public long? TicketId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndStatus { get; set; }
    public bool HangUpPaged { get; set; }

    /// <summary>The status pages whose incidents were announced, so the caller can be offered their updates.</summary>
    public string? AnnouncedPages { get; set; }

    // Callbacks can arrive before the record action has created the ticket; they wait here.
    public string? RecordingSid { get; set; }
    public string? RecordingUrl { get; set; }
    public string? Transcription { get; set; }

    /// <summary>A copy for another context to store.</summary>
    public CallSession Copy() => (CallSession)MemberwiseClone();
}

internal sealed class CallSessionConfiguration : IEntityTypeConfiguration<CallSession>
{
    public void Configure(EntityTypeBuilder<CallSession> builder)
    {
        builder.HasKey(c => c.CallSid);
        builder.Property(c => c.CallSid).HasMaxLength(64);
        builder.Property(c => c.From).HasMaxLength(20);
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(4);
        builder.Property(c => c.EndStatus).HasMaxLength(20);
        builder.Property(c => c.AnnouncedPages).HasMaxLength(200);
        builder.Property(c => c.RecordingSid).HasMaxLength(64);
        builder.Property(c => c.RecordingUrl).HasMaxLength(500);
        builder.Property(c => c.Transcription).HasMaxLength(8000);
        builder.HasIndex(c => c.StartedAt);
    }
}
