using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Ciptex.Voice.Data;

/// <summary>
/// One SQLite statement run many times with values bound by position, on an open connection inside its transaction.
/// Microsoft.Data.Sqlite looks every parameter up by name, and allocates for it, on each execution: for the 15
/// columns of a call's session that was half of what storing it cost (docs/benchmarks.md). Binds values as
/// Microsoft.Data.Sqlite does (integers and booleans as INTEGER, text as TEXT, bytes as BLOB, null as NULL); other
/// types are left to it (<see cref="CanBind"/>).
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private SqliteRowStatement(sqlite3 db, sqlite3_stmt statement) => (_db, _statement) = (db, statement);

    private static readonly Type[] Bindable =
        [typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(byte[])];

    public static bool CanBind(Type type) => Bindable.Contains(Nullable.GetUnderlyingType(type) ?? type);

    public static SqliteRowStatement Prepare(SqliteConnection connection, string sql)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        return new SqliteRowStatement(db, statement);
    }

    /// <param name="position">1-based, the order of the parameters in the statement.</param>
    public void Bind(int position, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, position),
            string text => raw.sqlite3_bind_text(_statement, position, text),
            long number => raw.sqlite3_bind_int64(_statement, position, number),
            int number => raw.sqlite3_bind_int64(_statement, position, number),
            short number => raw.sqlite3_bind_int64(_statement, position, number),
            byte number => raw.sqlite3_bind_int64(_statement, position, number),
            bool flag => raw.sqlite3_bind_int64(_statement, position, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(_statement, position, number),
            byte[] bytes => raw.sqlite3_bind_blob(_statement, position, bytes),
            _ => throw new NotSupportedException($"Binding a {value.GetType().Name} is left to Microsoft.Data.Sqlite."),
        };
        SqliteException.ThrowExceptionForRC(rc, _db);
    }

    /// <returns>The rows the statement changed.</returns>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        try
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
