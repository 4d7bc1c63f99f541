using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.StatusPages;

/// <summary>What the poller remembers about one page between polls and across restarts.</summary>
public sealed class StatusPageState
{
    public long Id { get; set; }

    /// <summary><c>StatusPages:Pages:n:Key</c>, e.g. <c>twilio</c>.</summary>
    public required string PageKey { get; set; }

    /// <summary>When the first successful poll recorded what the page already showed; null until then.</summary>
    public DateTimeOffset? BaselineAt { get; set; }

    public string? IncidentsETag { get; set; }
    public string? IncidentsLastModified { get; set; }
    public string? MaintenancesETag { get; set; }
    public string? MaintenancesLastModified { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LastSuccessAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    /// <summary>The first failure of the current run of failures; named in the unreachable and recovery texts.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    public string? LastError { get; set; }

    /// <summary>On-call was told the page is unreachable and has not yet been told it is back.</summary>
    public bool UnreachableAlertSent { get; set; }

    public HttpValidators IncidentsValidators
    {
        get => new(IncidentsETag, IncidentsLastModified);
        set => (IncidentsETag, IncidentsLastModified) = (Storable(value.ETag), Storable(value.LastModified));
    }

    public HttpValidators MaintenancesValidators
    {
        get => new(MaintenancesETag, MaintenancesLastModified);
        set => (MaintenancesETag, MaintenancesLastModified) = (Storable(value.ETag), Storable(value.LastModified));
    }

    // A validator too long to store is dropped rather than cut: a cut one would never match, a missing one costs a full body.
    private static string? Storable(string? validator) => validator is { Length: <= 100 } ? validator : null;
}

internal sealed class StatusPageStateConfiguration : IEntityTypeConfiguration<StatusPageState>
{
    public void Configure(EntityTypeBuilder<StatusPageState> builder)
    {
        builder.ToTable("StatusPages");
        builder.HasIndex(p => p.PageKey).IsUnique();
        builder.Property(p => p.PageKey).HasMaxLength(40);
        builder.Property(p => p.IncidentsETag).HasMaxLength(100);
        builder.Property(p => p.IncidentsLastModified).HasMaxLength(100);
        builder.Property(p => p.MaintenancesETag).HasMaxLength(100);
        builder.Property(p => p.MaintenancesLastModified).HasMaxLength(100);
        builder.Property(p => p.LastError).HasMaxLength(500);
        builder.Ignore(p => p.IncidentsValidators);
        builder.Ignore(p => p.MaintenancesValidators);
    }
}
