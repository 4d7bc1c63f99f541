using System.Collections.Concurrent;
using Ciptex.Voice.Customers;
using Ciptex.Voice.Ivr;

namespace Ciptex.Voice.Tickets;

/// <summary>
/// Stores new tickets, several callers' in one transaction (group commit). A ticket is written while the database's
/// one write lock is held; one at a time, sixty callers leaving their message at once queued for it ticket by ticket,
/// each paying for its own transaction and commit while the second core stood idle (docs/benchmarks.md). Here the
/// first caller to find no writer at work stores what has queued meanwhile, its own ticket among them, in one
/// transaction, and the others wake to their stored tickets. If that transaction fails (a retried delivery racing its
/// first, or something worse) each of its tickets is stored again on its own, so one caller's failure is never another's.
/// </summary>
public sealed class TicketWriter(IServiceScopeFactory scopes)
{
    // As many as the callers that can be waiting at once under the load of docs/benchmarks.md; a larger batch holds
    // the write lock longer for the session writer and the outbox.
    private const int MostPerTransaction = 64;

    private readonly ConcurrentQueue<QueuedTicket> _queue = new();
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>Callers waiting for their tickets to be stored.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Stores the ticket (numbering it) with the texts it causes; returns it stored, or the call's ticket a racing delivery stored.</summary>
    public async Task<Ticket> StoreAsync(TicketToStore ticket)
    {
        var queued = new QueuedTicket(ticket);
        Interlocked.Increment(ref _waiting);
        try
        {
            _queue.Enqueue(queued);
            // Not cancelled with the request: once queued, a ticket may be in another caller's transaction.
            await _turn.WaitAsync();
            try
            {
                while (!queued.Stored.Task.IsCompleted)
                    await StoreQueuedAsync();
            }
            finally
            {
                _turn.Release();
            }
            return await queued.Stored.Task;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private async Task StoreQueuedAsync()
    {
        var batch = new List<QueuedTicket>(MostPerTransaction);
        Take(batch);
        var begun = false;
        try
        {
            // What queued while the lock was awaited goes in too.
            await CommitAsync(batch, () => { begun = true; Take(batch); });
        }
        catch (Exception ex) when (!begun)
        {
            // The database would not start a transaction (down, or locked by another process past the timeout): a
            // second try for each would only keep its callers waiting as long again.
            batch.ForEach(queued => queued.Stored.TrySetException(ex));
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var queued in batch)
                await StoreAloneAsync(queued);
        }
        catch (Exception ex)
        {
            await FailedAloneAsync(batch[0], ex);
        }
    }

    private void Take(List<QueuedTicket> batch)
    {
        while (batch.Count < MostPerTransaction && _queue.TryDequeue(out var queued))
            batch.Add(queued);
    }

    private async Task StoreAloneAsync(QueuedTicket queued)
    {
        try
        {
            await CommitAsync([queued], begun: () => { });
        }
        catch (Exception ex)
        {
            await FailedAloneAsync(queued, ex);
        }
    }

    /// <summary>The batch in one transaction, then each caller handed its ticket; <paramref name="begun"/> runs once the transaction has begun.</summary>
    private async Task CommitAsync(List<QueuedTicket> batch, Action begun)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        await using var transaction = await tickets.BeginAsync();
        begun();
        var stored = await tickets.WriteAsync(batch.ConvertAll(queued => queued.Ticket));
        await transaction.CommitAsync();
        for (var i = 0; i < batch.Count; i++)
            batch[i].Stored.TrySetResult(stored[i]);
    }

    /// <summary>
    /// Two deliveries of the same record action raced, and the other one stored the ticket (the unique CallSid refused
    /// this one's): that one is the call's.
    /// </summary>
    private async Task FailedAloneAsync(QueuedTicket queued, Exception ex)
    {
        try
        {
            if (queued.Ticket.Ticket.CallSid is { } callSid)
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<TicketService>().FindByCallAsync(callSid, CancellationToken.None) is { } winner)
                {
                    queued.Stored.TrySetResult(winner);
                    return;
                }
            }
        }
        catch (Exception)
        {
            // The database failing now too: the caller hears of the first failure.
        }
        queued.Stored.TrySetException(ex);
    }

    private sealed record QueuedTicket(TicketToStore Ticket)
    {
        public TaskCompletionSource<Ticket> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>A ticket to store, not yet numbered, with what it links to.</summary>
/// <param name="Ticket">Tracked by no context; the writer numbers it.</param>
/// <param name="Customer">Read by the texts the ticket causes; a copy, tracked by no context.</param>
/// <param name="Session">The call's session (a copy), linked to the ticket in the commit that stores it.</param>
/// <param name="SessionIsNew">Whether the session is stored with the ticket, rather than only linked.</param>
public sealed record TicketToStore(Ticket Ticket, Customer? Customer, CallSession? Session, bool SessionIsNew);
