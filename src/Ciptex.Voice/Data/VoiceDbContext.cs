using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ciptex.Voice.Data;

/// <summary>
/// The one database. Each feature maps its own entities with an <see cref="IEntityTypeConfiguration{T}"/> beside them;
/// the provider-specific subclasses exist only so that each provider keeps its own migrations.
/// </summary>
public class VoiceDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The dashboard's cookie and form keys, kept where every instance can read them (<c>DashboardSignIn</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Every feature's mapping, named here rather than found with <c>ApplyConfigurationsFromAssembly</c>: that loads
    /// every one of the service's types to look for them, and whatever those types name in turn, such as the XML
    /// library (docs/benchmarks.md). A test checks that this builds the same model as the search would.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder
        .ApplyConfiguration(new Customers.CustomerConfiguration())
        .ApplyConfiguration(new Customers.CustomerContactConfiguration())
        .ApplyConfiguration(new Ivr.CallSessionConfiguration())
        .ApplyConfiguration(new Tickets.TicketConfiguration())
        .ApplyConfiguration(new Tickets.TicketEscalationConfiguration())
        .ApplyConfiguration(new Sla.RfoRequestConfiguration())
        .ApplyConfiguration(new Escalation.EscalationLevelConfiguration())
        .ApplyConfiguration(new Sms.OutboundMessageConfiguration())
        .ApplyConfiguration(new Sms.SubscriptionConfiguration())
        .ApplyConfiguration(new Sms.SmsOptOutConfiguration())
        .ApplyConfiguration(new Sms.SmsSendSlotConfiguration())
        .ApplyConfiguration(new StatusPages.StatusPageStateConfiguration())
        .ApplyConfiguration(new StatusPages.TrackedIncidentConfiguration())
        .ApplyConfiguration(new StatusPages.TrackedIncidentUpdateConfiguration())
        .ApplyConfiguration(new DataProtectionKeyConfiguration());

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

/// <summary>The table of the dashboard's data-protection keys, named in the singular like every other.</summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> key) => key.ToTable("DataProtectionKey");
}

public sealed class SqliteVoiceDbContext(DbContextOptions<SqliteVoiceDbContext> options) : VoiceDbContext(options);

public sealed class PostgresVoiceDbContext(DbContextOptions<PostgresVoiceDbContext> options) : VoiceDbContext(options);
