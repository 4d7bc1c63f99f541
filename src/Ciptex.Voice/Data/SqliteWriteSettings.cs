using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Ciptex.Voice.Data;

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> (and a small page cache) on every SQLite connection. In WAL mode (set by the
/// migrator) a commit then appends to the log without waiting for the disk, which is fsynced at checkpoints: the
/// database can never be corrupted, and only the last commits before a power cut (not a process crash) can be lost.
/// With the default FULL every ticket's commits waited for an fsync each, one writer at a time (docs/benchmarks.md).
/// Other providers are left alone. The settings belong to the native connection, which Microsoft.Data.Sqlite pools:
/// they are applied the first time each one is opened, not on every open.
/// </summary>
internal sealed class SqliteWriteSettings : DbConnectionInterceptor
{
    // A connection's page cache is emptied whenever another connection commits (WAL), so under load the default
    // 2 MB each bought little, and the pool holds a connection per concurrent request: 256 KB caps the sum.
    private const string Pragma = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-256;";

    private static readonly object Applied = new();
    private readonly ConditionalWeakTable<sqlite3, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSettings(connection) is { } sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private SqliteConnection? NeedsSettings(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && _configured.TryAdd(handle, Applied) ? sqlite : null;
}
