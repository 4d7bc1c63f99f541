namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>
/// A test of how the service behaves on SQLite's one write lock, which PostgreSQL does not have: skipped when
/// <c>CIPTEX_TEST_DATABASE=Postgres</c> runs the tests there (<see cref="EveryTestOnPostgres"/>). It cannot be kept on
/// SQLite in that run instead: the service's compiled queries belong to the first provider's model in the process.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (EveryTestOnPostgres.Enabled)
            Skip = "Holds SQLite's write lock; CIPTEX_TEST_DATABASE=Postgres runs on PostgreSQL.";
    }
}
