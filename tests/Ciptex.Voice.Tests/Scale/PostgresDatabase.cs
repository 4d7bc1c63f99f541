using Npgsql;

namespace Ciptex.Voice.Tests.Scale;

/// <summary>
/// A fresh, empty database on the PostgreSQL server that <c>.ci/run</c> starts (<c>.ci/postgres.sh</c>), named by
/// <c>CIPTEX_TEST_POSTGRES</c>; dropped afterwards. No server configured is a failure that says how to get one, never
/// a silent skip: CI always provides it, and locally <c>source .ci/postgres.sh</c> does.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "CIPTEX_TEST_POSTGRES";

    private readonly string _name = $"ciptex_test_{Guid.NewGuid():N}"[..28];

    /// <summary>The service's <c>ConnectionStrings:Voice</c> for this database.</summary>
    public string ConnectionString { get; private set; } = "";

    public static string Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"{Variable} is not set: the Scale tests need a PostgreSQL server. `source .ci/postgres.sh` installs and starts a " +
                $"throwaway one and sets it (as .ci/run does), or set {Variable} to a connection string of a server where you may create databases.");

    public async Task InitializeAsync()
    {
        await ExecuteAsync($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    /// <summary>One scalar from this database, outside the service: what it left behind.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
