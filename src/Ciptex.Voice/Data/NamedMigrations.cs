using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ciptex.Voice.Data;

/// <summary>
/// Each context's migrations and model snapshot, named here rather than found by EF Core's own search of the assembly,
/// which loads every one of the service's types to look for them (docs/benchmarks.md). <c>dotnet ef migrations add</c>
/// still searches; a test checks that these lists hold what it would find.
/// </summary>
internal sealed class NamedMigrations(ICurrentDbContext current, IMigrationsIdGenerator ids) : IMigrationsAssembly
{
    // infra/add-migration.sh adds each new migration to both lists.
    public static readonly IReadOnlyList<Type> Sqlite =
    [
        typeof(Migrations.Sqlite.Initial),
        typeof(Migrations.Sqlite.OutboxClaimOrder),
        typeof(Migrations.Sqlite.DataProtectionKeys),
    ];

    public static readonly IReadOnlyList<Type> Postgres =
    [
        typeof(Migrations.Postgres.Initial),
        typeof(Migrations.Postgres.OutboxClaimOrder),
        typeof(Migrations.Postgres.DataProtectionKeys),
    ];

    private readonly bool _onPostgres = current.Context is PostgresVoiceDbContext;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => field ??= new SortedList<string, TypeInfo>(
        (_onPostgres ? Postgres : Sqlite).ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id, t => t.GetTypeInfo()),
        StringComparer.Ordinal);

    public ModelSnapshot? ModelSnapshot => field ??= _onPostgres
        ? new Migrations.Postgres.PostgresVoiceDbContextModelSnapshot()
        : new Migrations.Sqlite.SqliteVoiceDbContextModelSnapshot();

    public Assembly Assembly => typeof(VoiceDbContext).Assembly;

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(ids.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
