using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ciptex.Voice.Data;

/// <summary>
/// <c>PRAGMA synchronous=NORMAL</c> on every SQLite connection. In WAL mode (set by the migrator) a commit then
/// appends to the log without waiting for the disk, which is fsynced at checkpoints: the database can never be
/// corrupted, and only the last commits before a power cut (not a process crash) can be lost. With the default
/// FULL every ticket's commits waited for an fsync each, one writer at a time (docs/benchmarks.md). Other providers
/// are left alone. The setting belongs to the connection, so it is applied each time one is opened.
/// </summary>
internal sealed class SqliteWriteSettings : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = Pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
