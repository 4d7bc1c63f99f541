using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>
/// <c>CIPTEX_TEST_DATABASE=Postgres dotnet test</c> runs every <see cref="VoiceApp"/> on PostgreSQL (the server in
/// <c>CIPTEX_TEST_POSTGRES</c>) instead of a SQLite file: a way to find the queries that only SQLite accepts. Each
/// SQLite path names one database, so a test that restarts the service on the same path finds its data again.
/// Not part of the default run: the Scale tests cover PostgreSQL there, and a few tests read the SQLite file itself.
/// </summary>
internal static class EveryTestOnPostgres
{
    public static bool Enabled =>
        string.Equals(Environment.GetEnvironmentVariable("CIPTEX_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates (if need be) the database standing in for <paramref name="sqlitePath"/>; returns its connection string.</summary>
    public static string Database(string sqlitePath)
    {
        var name = NameFor(sqlitePath);
        var exists = Scalar($"SELECT count(*) FROM pg_database WHERE datname = '{name}'") is > 0L;
        if (!exists)
            Scalar($"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(Scale.PostgresDatabase.Server) { Database = name }.ConnectionString;
    }

    public static void Drop(string sqlitePath)
    {
        NpgsqlConnection.ClearAllPools();
        Scalar($"DROP DATABASE IF EXISTS {NameFor(sqlitePath)} WITH (FORCE)");
    }

    private static string NameFor(string sqlitePath) =>
        "ciptex_all_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sqlitePath)))[..20];

    private static object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(Scale.PostgresDatabase.Server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
