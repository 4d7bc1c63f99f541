using System.Collections.Concurrent;
using System.Threading.Channels;
using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Ivr;

/// <summary>
/// Stores the sessions of calls that have just been answered. The first webhook of a call answers from memory (the
/// known callers, the open incidents) and leaves its session here, so a greeting never waits for the database's one
/// write lock while tickets are being written (docs/benchmarks.md). Sessions queued together are stored in one
/// transaction. A later webhook of the same call waits for its session to be stored (<see cref="StoredAsync"/>). A
/// session that is never stored (a crash first, or the database refusing it) is started again by the call's next
/// webhook from the caller's number; only the offer of incident updates at the end of that call is lost.
/// </summary>
public sealed partial class CallStarts(IServiceScopeFactory scopes, ILogger<CallStarts> logger) : BackgroundService
{
    // Sessions stored in one transaction, which holds the database's one write lock while it runs (a few
    // microseconds a session, under a millisecond for the lot): enough to share a transaction's fixed cost, few enough
    // that a ticket waiting for the lock hardly notices.
    private const int MostPerTransaction = 256;
    // While the database is down sessions would pile up: past this many the newest are not queued (and are started
    // again by their calls' next webhooks, as after a crash).
    private const int MostWaiting = 10_000;
    // How long the writer lets a batch fill before it stores it. A transaction's fixed cost (a scope, a pooled
    // connection, the prepared statement, begin and commit) was more than half of what the sessions cost when each
    // batch held the few calls answered since the last one (docs/benchmarks.md). A call's next webhook comes seconds
    // later.
    private static readonly TimeSpan FillFor = TimeSpan.FromMilliseconds(10);

    private sealed record Queued(CallSession Session, TaskCompletionSource Stored);

    private readonly Channel<Queued> _queue = Channel.CreateBounded<Queued>(
        new BoundedChannelOptions(MostWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ConcurrentDictionary<string, Queued> _waiting = new(StringComparer.Ordinal);

    /// <summary>Queues the session of a call; a retried first webhook of a call already queued changes nothing.</summary>
    public void Start(CallSession session)
    {
        var queued = new Queued(session, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_waiting.TryAdd(session.CallSid, queued))
            return;
        if (!_queue.Writer.TryWrite(queued))
            Done(queued); // full, or stopping: the next webhook starts it again
    }

    /// <summary>Completes once the call's queued session (if any) is stored or given up on.</summary>
    public Task StoredAsync(string callSid) => _waiting.TryGetValue(callSid, out var queued) ? queued.Stored.Task : Task.CompletedTask;

    /// <summary>Completes once every session queued so far is stored or given up on.</summary>
    public Task AllStoredAsync() => Task.WhenAll(_waiting.Values.Select(queued => queued.Stored.Task));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Queued>(MostPerTransaction);
        // Not ended by stoppingToken: StopAsync completes the queue, and what is in it is still stored.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            // Real time, not the TimeProvider: a pause for throughput, not a rule of the support line.
            if (_queue.Reader.Count < MostPerTransaction)
                await Task.Delay(FillFor, CancellationToken.None);
            while (batch.Count < MostPerTransaction && _queue.Reader.TryRead(out var queued))
                batch.Add(queued);
            await StoreAsync(batch);
            batch.ForEach(Done);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private void Done(Queued queued)
    {
        _waiting.TryRemove(new KeyValuePair<string, Queued>(queued.Session.CallSid, queued));
        queued.Stored.TrySetResult();
    }

    private async Task StoreAsync(List<Queued> batch)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await InsertAsync(scope.ServiceProvider.GetRequiredService<VoiceDbContext>(), batch);
        }
        catch (Exception ex)
        {
            // Whatever the failure, the writer carries on: a session it cannot store is started again later.
            LogNotStored(ex, batch.Count);
        }
    }

    /// <summary>
    /// The batch in one transaction (begun through EF Core, so the SQLite write gate sees it), one prepared statement
    /// run for each session (<see cref="EntityRows{T}"/>), which leaves a session stored already (by a retried first
    /// webhook, or a later one handled by another instance) as it is. Tracked and saved by EF Core the sessions cost
    /// more CPU than the rest of the greeting, and a statement of many rows through EF Core's raw SQL was still a
    /// tenth of it (docs/benchmarks.md).
    /// </summary>
    private static async Task InsertAsync(VoiceDbContext db, List<Queued> batch)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using (var sessions = await EntityRows<CallSession>.PrepareAsync(db, onConflict: """ON CONFLICT ("CallSid") DO NOTHING"""))
        {
            foreach (var queued in batch)
                await sessions.InsertAsync(queued.Session);
        }
        await transaction.CommitAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The sessions of {Count} calls just answered were not stored; their next webhooks start them again")]
    private partial void LogNotStored(Exception exception, int count);
}
