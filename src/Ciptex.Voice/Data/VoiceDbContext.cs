using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ciptex.Voice.Data;

/// <summary>
/// The one database. Each feature maps its own entities with an <see cref="IEntityTypeConfiguration{T}"/> beside them;
/// the provider-specific subclasses exist only so that each provider keeps its own migrations.
/// </summary>
public class VoiceDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VoiceDbContext).Assembly);

    private bool? _onSqlite;

    /// <summary>
    /// <c>Database.IsSqlite()</c>, asked once: it looks the provider up and compares assembly names each time, and
    /// hot paths ask it for every row (docs/benchmarks.md). A pooled context keeps its provider.
    /// </summary>
    public bool OnSqlite => _onSqlite ??= Database.IsSqlite();

    /// <summary>An instant as the converters below store it, for SQL written by hand: UTC ticks on SQLite, UTC elsewhere.</summary>
    public object StoredInstant(DateTimeOffset instant) => OnSqlite ? instant.UtcTicks : instant.ToUniversalTime();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset columns (PITFALLS.md): store instants as UTC ticks there.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
        else
        {
            // timestamptz takes only offset zero (Npgsql refuses +01:00): an instant keeps its meaning in UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcConverter>();
        }
    }

    private sealed class UtcConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value.ToUniversalTime());

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

public sealed class SqliteVoiceDbContext(DbContextOptions<SqliteVoiceDbContext> options) : VoiceDbContext(options);

public sealed class PostgresVoiceDbContext(DbContextOptions<PostgresVoiceDbContext> options) : VoiceDbContext(options);
