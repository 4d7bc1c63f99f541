using Npgsql;

namespace Ciptex.Voice.Tests.Scale;

/// <summary>
/// A fresh, empty database on the PostgreSQL server that <c>.ci/run</c> starts (<c>.ci/postgres.sh</c>), named by
/// <c>CIPTEX_TEST_POSTGRES</c>; dropped afterwards. No server configured is a failure that says how to get one, never
/// a silent skip. Without the variable, the first test to need a server runs <c>.ci/postgres.sh</c> itself, so the
/// README's one test command works on a machine where the script can install and start PostgreSQL.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string Variable = "CIPTEX_TEST_POSTGRES";

    private readonly string _name = $"ciptex_test_{Guid.NewGuid():N}"[..28];

    /// <summary>The service's <c>ConnectionStrings:Voice</c> for this database.</summary>
    public string ConnectionString { get; private set; } = "";

    private static readonly Lazy<string> Started = new(StartThrowawayServer);

    public static string Server =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server ? server : Started.Value;

    private static string StartThrowawayServer()
    {
        var script = Path.Combine(Infrastructure.ApprovedTwiml.RepositoryRoot(), ".ci", "postgres.sh");
        var start = new System.Diagnostics.ProcessStartInfo("bash", ["-c", $"source '{script}' >&2 && printf %s \"${Variable}\""])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var connection = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && connection.Length > 0
            ? connection
            : throw new InvalidOperationException(
                $"The Scale tests need a PostgreSQL server and .ci/postgres.sh could not start one ({stderr.Result.Trim()}). " +
                $"Run it as root (it installs Debian's postgresql), or set {Variable} to a server where you may create databases.");
    }

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
