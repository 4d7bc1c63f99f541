using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Data;

internal static class DatabaseExtensions
{
    private static readonly SqliteWriteSettings SqliteSettings = new();

    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        var (provider, connectionString) = DatabaseOptions.Read(builder.Configuration);
        builder.Services.AddSingleton<SavedTables>();
        builder.Services.AddSingleton<IInterceptor>(services => services.GetRequiredService<SavedTables>());
        // Features hook into saves by registering an IInterceptor (the SMS outbox wakes its dispatcher that way).
        // Contexts are pooled: a webhook takes a ready one instead of building its services anew (docs/benchmarks.md).
        if (provider == DatabaseProvider.Postgres)
            builder.Services.AddDbContextPool<VoiceDbContext, PostgresVoiceDbContext>((services, o) =>
                o.UseNpgsql(connectionString).AddInterceptors(services.GetServices<IInterceptor>())
                    .ReplaceService<IMigrationsAssembly, NamedMigrations>());
        else
        {
            builder.Services.AddSingleton<SqliteWriteGate>();
            builder.Services.AddDbContextPool<VoiceDbContext, SqliteVoiceDbContext>((services, o) =>
                o.UseSqlite(connectionString).AddInterceptors(services.GetServices<IInterceptor>()
                    .Append(SqliteSettings).Append(services.GetRequiredService<SqliteWriteGate>()))
                    .ReplaceService<IMigrationsAssembly, NamedMigrations>());
        }

        // For a service that needs the context on some paths only: resolving VoiceDbContext rents one from the pool
        // (and returns and resets it at the end of the request), which the first webhook of a call has no use for.
        builder.Services.AddScoped(services => new Lazy<VoiceDbContext>(services.GetRequiredService<VoiceDbContext>));

        builder.Services.AddSingleton<DatabaseMigrationState>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        return builder;
    }
}

/// <summary>Whether the migrations have been applied in this process; read by the readiness check.</summary>
public sealed class DatabaseMigrationState
{
    public bool Applied { get; set; }
}

/// <summary>Applies the migrations before anything else starts (eShop's MigrateDbContext, as a hosted service).</summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, DatabaseMigrationState state, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        if (db.Database.IsSqlite())
            // WAL lets readers carry on while the outbox writes; the mode is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        state.Applied = true;
        logger.LogInformation("Database migrations applied ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Used by <c>dotnet ef migrations add … --context SqliteVoiceDbContext</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteVoiceDbContext>
{
    public SqliteVoiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteVoiceDbContext>().UseSqlite(DatabaseOptions.DefaultConnectionString).Options);
}

/// <summary>Used by <c>dotnet ef migrations add … --context PostgresVoiceDbContext</c>; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresVoiceDbContext>
{
    public PostgresVoiceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresVoiceDbContext>().UseNpgsql("Host=localhost;Database=ciptex_voice").Options);
}
