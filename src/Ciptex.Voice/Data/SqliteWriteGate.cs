using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ciptex.Voice.Data;

/// <summary>
/// One writer at a time, queued in memory. SQLite lets a single connection write; the others get SQLITE_BUSY, and
/// Microsoft.Data.Sqlite answers that by putting the thread to sleep and trying again. Under load (sixty callers
/// leaving their message at once) the writers then spent most of their time asleep while the lock stood free, and
/// the one holding it shared the two cores with all of them (docs/benchmarks.md). Here a write transaction, or a
/// write outside one, first waits its turn without a thread; SQLite's own locking stays as the guard against other
/// processes on the same file.
/// <para>
/// Held from the start of a transaction until it commits, rolls back or its connection closes; a single write
/// statement outside a transaction holds it while it runs. Reads never wait. A writer that waits longer than
/// <see cref="MostWait"/> (a write nested inside another would) goes on to SQLite's own locking rather than hang.
/// </para>
/// </summary>
internal sealed class SqliteWriteGate(ILogger<SqliteWriteGate> logger) : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _sync = new();
    private DbConnection? _holder;
    private DbTransaction? _holderTransaction;

    // Transactions: from BEGIN to COMMIT or ROLLBACK.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        lock (_sync)
        {
            if (_holder == connection)
                _holderTransaction = result;
        }
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Done(Leave, transaction);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Done(Leave, transaction);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Leave(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Done(Leave, transaction);

    // A transaction disposed without COMMIT or ROLLBACK (an exception on the way) ends when its connection closes.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) =>
        Done(Leave, connection);

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Leave(connection);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData) =>
        Done(Leave, connection);

    // A write statement outside a transaction (SaveChanges of one row, ExecuteUpdate): for as long as it runs.
    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => BeforeAsync(command, result, cancellationToken);

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Before(command, result);

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveAfter(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => BeforeAsync(command, result, cancellationToken);

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Before(command, result);

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveAfter(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        LeaveAfter(command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveAfter(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Done(LeaveAfter, command);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => LeaveAfter(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Done(LeaveAfter, command);

    private static Task Done<T>(Action<T> leave, T holder)
    {
        leave(holder);
        return Task.CompletedTask;
    }

    private async ValueTask<T> BeforeAsync<T>(DbCommand command, T result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command))
            await EnterAsync(command.Connection!, cancellationToken);
        return result;
    }

    private T Before<T>(DbCommand command, T result)
    {
        if (IsLoneWrite(command))
            Enter(command.Connection!);
        return result;
    }

    /// <summary>EF Core's queries start with SELECT; anything else run outside a transaction may write.</summary>
    private static bool IsLoneWrite(DbCommand command) =>
        command.Transaction is null && command.Connection is not null
        && !command.CommandText.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
        && !command.CommandText.AsSpan().TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);

    private async Task EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!HeldBy(connection))
            Took(await _turn.WaitAsync(MostWait, cancellationToken), connection);
    }

    private void Enter(DbConnection connection)
    {
        if (!HeldBy(connection))
            Took(_turn.Wait(MostWait), connection);
    }

    private bool HeldBy(DbConnection connection)
    {
        lock (_sync)
            return _holder == connection;
    }

    private void Took(bool turn, DbConnection connection)
    {
        if (!turn)
        {
            logger.LogWarning("Waited {Wait} for another SQLite writer in this process; going on to SQLite's own locking", MostWait);
            return;
        }
        lock (_sync)
        {
            _holder = connection;
            _holderTransaction = null;
        }
    }

    private void LeaveAfter(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection)
            Leave(connection);
    }

    private void Leave(DbTransaction transaction)
    {
        lock (_sync)
        {
            if (_holderTransaction != transaction || _holder is null)
                return;
            _holder = null;
            _holderTransaction = null;
        }
        _turn.Release();
    }

    private void Leave(DbConnection connection)
    {
        lock (_sync)
        {
            if (_holder != connection)
                return;
            _holder = null;
            _holderTransaction = null;
        }
        _turn.Release();
    }
}
