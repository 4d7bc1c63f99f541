using System.Reflection;
using Ciptex.Voice.Data;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Foundation;

/// <summary>
/// The context names each feature's mapping, and each provider's migrations, instead of searching the assembly for
/// them. A mapping added beside its entity but not named would leave its table, keys or indexes out of the model; a
/// migration made with <c>dotnet ef migrations add</c> but not named would never be applied.
/// </summary>
public sealed class DataModelTests
{
    [Fact]
    public void The_model_built_from_the_named_mappings_is_the_one_a_search_of_the_assembly_builds()
    {
        using var named = new SqliteVoiceDbContext(Options<SqliteVoiceDbContext>());
        using var searched = new SearchingContext(Options<SearchingContext>());

        Assert.Equal(DesignTimeModel(searched), DesignTimeModel(named));
    }

    [Theory]
    [InlineData(typeof(SqliteVoiceDbContext))]
    [InlineData(typeof(PostgresVoiceDbContext))]
    public void Each_provider_applies_the_migrations_and_snapshot_a_search_of_the_assembly_finds(Type contextType)
    {
        using var db = contextType == typeof(PostgresVoiceDbContext)
            ? new PostgresVoiceDbContext(new DbContextOptionsBuilder<PostgresVoiceDbContext>().UseNpgsql("Host=localhost").Options)
            : (DbContext)new SqliteVoiceDbContext(Options<SqliteVoiceDbContext>());
        var named = new NamedMigrations(db.GetService<ICurrentDbContext>(), db.GetService<IMigrationsIdGenerator>());
        var found = typeof(VoiceDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .ToList();

        Assert.Equal(
            found.Where(t => t.IsSubclassOf(typeof(Migration))).Select(t => t.GetCustomAttribute<MigrationAttribute>()!.Id).Order(),
            named.Migrations.Keys);
        Assert.Equal(found.Single(t => t.IsSubclassOf(typeof(ModelSnapshot))), named.ModelSnapshot?.GetType());
        Assert.All(named.Migrations.Keys, id => Assert.Equal(id, named.FindMigrationId(id[(id.IndexOf('_') + 1)..])));
    }

    [Fact]
    public async Task The_service_migrates_with_the_named_migrations()
    {
        await using var app = new VoiceApp();
        using var scope = app.Services.CreateScope();

        var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();

        Assert.IsType<NamedMigrations>(db.GetService<IMigrationsAssembly>());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.GetService<IMigrationsAssembly>().Migrations.Keys, await db.Database.GetAppliedMigrationsAsync());
    }

    private static string DesignTimeModel(DbContext db) =>
        db.GetService<IDesignTimeModel>().Model.ToDebugString(MetadataDebugStringOptions.LongDefault);

    private static DbContextOptions<T> Options<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=:memory:").Options;

    /// <summary>The context as it was: every <c>IEntityTypeConfiguration</c> in the service, found by reflection.</summary>
    private sealed class SearchingContext(DbContextOptions<SearchingContext> options) : VoiceDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.ApplyConfigurationsFromAssembly(typeof(VoiceDbContext).Assembly);
    }
}
