using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ciptex.Voice.Escalation;

/// <summary>
/// One row of the escalation matrix as edited through the API. While the table is empty, the matrix is the
/// <c>Escalation:Levels</c> configuration.
/// </summary>
public sealed class EscalationLevel
{
    public int Id { get; set; }

    /// <summary>1 for the first level texted.</summary>
    public int Level { get; set; }

    public required string Name { get; set; }

    /// <summary>E.164 numbers; a level texts its own phones only.</summary>
    public List<string> Phones { get; set; } = [];

    /// <summary>The fraction of the first-response target at which the level is texted.</summary>
    public double At { get; set; }
}

internal sealed class EscalationLevelConfiguration : IEntityTypeConfiguration<EscalationLevel>
{
    public void Configure(EntityTypeBuilder<EscalationLevel> builder)
    {
        builder.HasIndex(l => l.Level).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(200);
    }
}
