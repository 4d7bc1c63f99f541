using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.StatusPages;

/// <summary>An incident or maintenance seen on a page, by its Statuspage id; its fields follow the latest valid poll.</summary>
public sealed class TrackedIncident
{
    public long Id { get; set; }
    public required string PageKey { get; set; }

    /// <summary>Statuspage's id (12 characters on real pages; imitations use ULIDs).</summary>
    public required string IncidentId { get; set; }

    public required string Name { get; set; }
    public required string Status { get; set; }
    public required string Impact { get; set; }
    public string? Shortlink { get; set; }
    public bool IsMaintenance { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>When escalation level 1 was texted about it (impact major or critical); once per incident.</summary>
    public DateTimeOffset? OnCallPagedAt { get; set; }

    public List<TrackedIncidentUpdate> Updates { get; set; } = [];

    public static TrackedIncident From(string pageKey, PageIncident incident, DateTimeOffset now)
    {
        var row = new TrackedIncident
        {
            PageKey = pageKey, IncidentId = incident.Id, Name = incident.Name, Status = incident.Status, Impact = incident.Impact,
            IsMaintenance = incident.IsMaintenance, FirstSeenAt = now,
            Updates = incident.Updates.Select(u => TrackedIncidentUpdate.From(u, now)).ToList(),
        };
        row.Refresh(incident);
        return row;
    }

    /// <summary>The incident's own fields follow the page (status, impact, even its name); no text depends on them.</summary>
    public void Refresh(PageIncident incident)
    {
        (Name, Status, Impact, Shortlink) = (incident.Name, incident.Status, incident.Impact, incident.Shortlink);
        (CreatedAt, UpdatedAt) = (incident.CreatedAt, incident.UpdatedAt);
    }
}

/// <summary>
/// One update, stored as it was first seen: an edit keeps the id, so it is neither texted nor rewritten here, and
/// the row keeps what subscribers were actually told.
/// </summary>
public sealed class TrackedIncidentUpdate
{
    public long Id { get; set; }
    public long TrackedIncidentId { get; set; }
    public required string UpdateId { get; set; }
    public required string Status { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DisplayAt { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }

    /// <summary>How many subscriber texts were enqueued for it (a new incident's text counts on the update it shows).</summary>
    public int NotifiedCount { get; set; }

    public static TrackedIncidentUpdate From(PageIncidentUpdate update, DateTimeOffset now) => new()
    {
        UpdateId = update.Id, Status = update.Status, Body = update.Body, CreatedAt = update.CreatedAt, DisplayAt = update.DisplayAt,
        FirstSeenAt = now,
    };
}

internal sealed class TrackedIncidentConfiguration : IEntityTypeConfiguration<TrackedIncident>
{
    public void Configure(EntityTypeBuilder<TrackedIncident> builder)
    {
        builder.ToTable("StatusIncidents");
        builder.HasIndex(i => new { i.PageKey, i.IncidentId }).IsUnique();
        builder.HasIndex(i => new { i.PageKey, i.CreatedAt });
        builder.Property(i => i.PageKey).HasMaxLength(40);
        builder.Property(i => i.IncidentId).HasMaxLength(64);
        builder.Property(i => i.Name).HasMaxLength(500);
        builder.Property(i => i.Status).HasMaxLength(40);
        builder.Property(i => i.Impact).HasMaxLength(40);
        builder.Property(i => i.Shortlink).HasMaxLength(500);
        builder.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.TrackedIncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrackedIncidentUpdateConfiguration : IEntityTypeConfiguration<TrackedIncidentUpdate>
{
    public void Configure(EntityTypeBuilder<TrackedIncidentUpdate> builder)
    {
        builder.ToTable("StatusIncidentUpdates");
        // An update id is seen once per incident, whatever a restart or a racing poll does.
        builder.HasIndex(u => new { u.TrackedIncidentId, u.UpdateId }).IsUnique();
        builder.Property(u => u.UpdateId).HasMaxLength(64);
        builder.Property(u => u.Status).HasMaxLength(40);
    }
}
