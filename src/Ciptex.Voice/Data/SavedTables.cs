using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ciptex.Voice.Data;

/// <summary>
/// A count per entity type of the saves in this process that changed it, so that a feature may keep a read in
/// memory until its rows change (the IVR's customers and open incidents, read on every call). Other processes on the
/// same database are not seen: such a cache also expires after a short age (<see cref="CachedRead{T}"/>).
/// </summary>
public sealed class SavedTables : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly Dictionary<Type, long> _versions = [];
    private readonly Lock _sync = new();
    // After the save its entries are no longer marked changed: the types seen before it are counted again.
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _saving = [];
    // Saved inside a transaction: counted once more when it commits.
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _committing = [];

    public long VersionOf(Type entityType)
    {
        lock (_sync)
            return _versions.GetValueOrDefault(entityType);
    }

    // Counted before the save, after it and after the commit of a transaction around it: a read that starts in
    // between is not kept past the commit.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Count(eventData.Context, before: true);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Count(eventData.Context, before: true);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Count(eventData.Context, before: false);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context, before: false);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Count(eventData.Context, before: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Count(eventData.Context, before: false);
        return Task.CompletedTask;
    }

    private void Count(DbContext? context, bool before)
    {
        if (context is null)
            return;
        HashSet<Type>? types;
        if (before)
        {
            types = null;
            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                    (types ??= []).Add(entry.Metadata.ClrType);
            }
            if (types is not null)
                _saving.AddOrUpdate(context, types);
        }
        else if (_saving.TryGetValue(context, out types))
        {
            _saving.Remove(context);
            // Inside the caller's transaction the rows are not visible to other readers until it commits.
            if (context.Database.CurrentTransaction is not null)
                _committing.GetValue(context, _ => []).UnionWith(types);
        }
        Bump(types);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _committing.TryGetValue(context, out var types))
        {
            _committing.Remove(context);
            Bump(types);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            _committing.Remove(context);
    }

    private void Bump(HashSet<Type>? types)
    {
        if (types is null)
            return;
        lock (_sync)
        {
            foreach (var type in types)
                _versions[type] = _versions.GetValueOrDefault(type) + 1;
        }
    }
}

/// <summary>
/// A read kept in memory until a save in this process changes one of its tables, or it is older than its
/// <c>maxAge</c> (the changes other processes make). Callers that find it stale at the same moment each read it
/// again, and the last read is kept.
/// </summary>
public abstract class CachedRead<T>(SavedTables tables, TimeProvider time, TimeSpan maxAge, params Type[] dependsOn) where T : class
{
    private sealed record Entry(T Value, long Version, long LoadedAt);

    private Entry? _entry;

    /// <summary>
    /// The value, read by <paramref name="load"/> (given <paramref name="state"/>) when stale. Asked by every call: a
    /// fresh value is returned without a task, and a static <paramref name="load"/> costs no delegate per call.
    /// </summary>
    public ValueTask<T> GetAsync<TState>(Func<TState, CancellationToken, Task<T>> load, TState state, CancellationToken cancellationToken)
    {
        var version = Version();
        if (_entry is { } entry && entry.Version == version && time.GetElapsedTime(entry.LoadedAt) < maxAge)
            return ValueTask.FromResult(entry.Value);
        return new ValueTask<T>(LoadAsync(load, state, version, cancellationToken));
    }

    private async Task<T> LoadAsync<TState>(Func<TState, CancellationToken, Task<T>> load, TState state, long version, CancellationToken cancellationToken)
    {
        var loadedAt = time.GetTimestamp();
        var value = await load(state, cancellationToken);
        _entry = new Entry(value, version, loadedAt);
        return value;
    }

    private long Version()
    {
        long sum = 0;
        foreach (var type in dependsOn)
            sum += tables.VersionOf(type);
        return sum;
    }
}
