using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ciptex.Voice.Sms;

/// <summary>
/// Wakes the dispatcher as soon as a text is committed, so a P1 page goes out in milliseconds rather than at the
/// next poll. Signals coalesce: however many arrive during a dispatch pass, the next wait returns at once, once.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Lock _gate = new();
    private bool _pending;                  // notified while nobody waited: the next wait returns at once
    private TaskCompletionSource? _waiter;  // the wait in progress, completed by the next notice

    public void Notify()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = _waiter;
            _waiter = null;
            if (waiter is null)
                _pending = true;
        }
        waiter?.TrySetResult();
    }

    /// <summary>
    /// Returns when notified (true) or when <paramref name="timeout"/> has passed on <paramref name="time"/> (false),
    /// a timeout rounded up to whole milliseconds: timers count whole milliseconds, and a wait of 0.3 ms for the rate
    /// limit's next slot used to return at once, again and again, until the slot came (hundreds of passes a second).
    /// Nothing is cancelled but the timer: cancelling a channel's wait, as this did before, made the runtime throw and
    /// catch an exception on every wait that timed out. One waiter at a time: the dispatcher's loop.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_pending)
            {
                _pending = false;
                return true;
            }
            ct.ThrowIfCancellationRequested();
            if (timeout <= TimeSpan.Zero)
                return false;
            waiter = _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var elapsed = Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(timeout.TotalMilliseconds)), time, stop.Token);
        await Task.WhenAny(waiter.Task, elapsed);
        await stop.CancelAsync();
        lock (_gate)
        {
            if (_waiter == waiter)
                _waiter = null;
        }
        ct.ThrowIfCancellationRequested();
        // A notice that came after the timer but before the wait ended still counts: it is not kept for the next wait.
        return waiter.Task.IsCompleted;
    }
}

/// <summary>
/// Notifies <see cref="OutboxSignal"/> after a save that added texts has committed — after the transaction when the
/// caller opened one (TicketService does), since a dispatcher woken earlier would not yet see the rows.
/// </summary>
public sealed class OutboxWakeInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> _adding = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        NotifyIfAdded(eventData.Context);

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfAdded(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Texts written straight to the table (the fan-out): the dispatcher is woken once they are committed.</summary>
    public void AddedWithoutTracking(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
            signal.Notify();
        else
            _adding.AddOrUpdate(context, Marker);
    }

    // Texts are only ever added with Add (SmsOutbox), which marks them Added at once: looking for them needs no scan
    // of every tracked entity for changes, which SaveChanges makes anyway (3% of a ticket's CPU; docs/benchmarks.md).
    private void Remember(DbContext? context)
    {
        if (context is null)
            return;
        var tracker = context.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (tracker.Entries<OutboundMessage>().Any(e => e.State == EntityState.Added))
                _adding.AddOrUpdate(context, Marker);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void NotifyUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
            NotifyIfAdded(context);
    }

    private void NotifyIfAdded(DbContext? context)
    {
        if (context is not null && _adding.Remove(context))
            signal.Notify();
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
            _adding.Remove(context);
    }
}
