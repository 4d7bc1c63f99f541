using Ciptex.Voice.Ivr;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using System.Data.Common;
using System.Net;
using Ciptex.Voice.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>
/// Another writer holds the database for a moment (a migration, a backup, a long report): the caller still hears
/// the IVR, not an error, and the outbox loses nothing. The lock is held by a second connection, as it would be.
/// </summary>
public sealed class DatabaseLockedTests
{
    private readonly WriteProbe _probe = new();

    [Fact]
    public async Task A_call_that_arrives_while_the_database_is_locked_is_greeted_at_once_and_its_session_stored_after()
    {
        await using var app = WithProbe(new VoiceApp());
        app.Settings["Demo:Seed"] = "true";
        var call = new PhoneCall(app.Twilio(), "+447700900123");
        using var holder = await LockAsync(app);
        var blocked = _probe.Arm();

        var twiml = await call.DialAsync();

        Assert.Contains(twiml.Descendants("Gather"), g => g.Attribute("action")!.Value.Contains("/twilio/voice/category", StringComparison.Ordinal));
        Assert.True(blocked.Wait(TimeSpan.FromSeconds(30)), "the session was never written");
        Assert.Null(await app.QueryAsync(db => db.Set<CallSession>().FindAsync(call.CallSid).AsTask()));
        Execute(holder, "COMMIT;");
        await app.Services.GetRequiredService<CallStarts>().AllStoredAsync();
        var session = await app.QueryAsync(db => db.Set<CallSession>().FindAsync(call.CallSid).AsTask());
        Assert.NotNull(session);
        Assert.NotNull(session.CustomerId);
    }

    [Fact]
    public async Task A_retried_first_webhook_stored_with_new_calls_keeps_its_session_as_it_was_and_loses_none_of_theirs()
    {
        await using var app = WithProbe(new VoiceApp());
        app.Settings["Demo:Seed"] = "true";
        var earlier = new PhoneCall(app.Twilio(), "+447700900123");
        await earlier.DialAsync();
        await earlier.PressAsync("3");
        var first = new PhoneCall(app.Twilio(), "+447700900456");
        var second = new PhoneCall(app.Twilio(), "+447700900555");
        using var holder = await DialBehindLockAsync(app, first);
        // Queued together behind the first: Twilio retrying the earlier call's first webhook, and a new call.
        using var retried = await earlier.CallbackAsync("/twilio/voice/incoming", []);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await second.DialAsync();

        Execute(holder, "COMMIT;");
        await app.Services.GetRequiredService<CallStarts>().AllStoredAsync();

        var sessions = await app.QueryAsync(db => db.Set<CallSession>().ToDictionaryAsync(s => s.CallSid));
        Assert.Equal(FaultCategory.P3, sessions[earlier.CallSid].Category);
        Assert.Contains(first.CallSid, sessions.Keys);
        Assert.Contains(second.CallSid, sessions.Keys);
    }

    [Fact]
    public async Task Sessions_still_queued_when_the_service_stops_are_stored_before_it_exits()
    {
        var app = WithProbe(new VoiceApp { KeepDatabase = true });
        try
        {
            app.Settings["Demo:Seed"] = "true";
            var first = new PhoneCall(app.Twilio(), "+447700900123");
            var second = new PhoneCall(app.Twilio(), "+447700900456");
            using var holder = await DialBehindLockAsync(app, first);
            await second.DialAsync(); // queued behind the first, whose write waits for the lock
            // The lock is let go only once the service has begun to stop.
            app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => Execute(holder, "COMMIT;"));

            await app.DisposeAsync();

            using var check = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
            check.Open();
            using var count = check.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM CallSession WHERE CallSid IN ('{first.CallSid}', '{second.CallSid}')";
            Assert.Equal(2L, (long)count.ExecuteScalar()!);
        }
        finally
        {
            await app.DisposeAsync();
            VoiceApp.DeleteDatabase(app.DatabasePath);
        }
    }

    [Fact]
    public async Task The_dispatcher_waits_out_a_locked_database_and_sends_every_text_once()
    {
        using var twilio = new TwilioFake();
        twilio.AcceptsAll();
        // One a second, so that texts are still waiting when the lock is taken.
        await using var app = WithProbe(new VoiceApp()).SendingTo(twilio, perSecond: 1);
        await app.EnqueueAsync(Enumerable.Range(1, 5).Select(n => Text(n)).ToArray());
        await app.DispatchAsync();

        // The next text falls due only once the lock is held: the dispatcher's loop, woken by the clock, cannot
        // write before it.
        await WhileLocked(app.DatabasePath, () =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            return app.DispatchAsync();
        }, out var waitedForTheLock);
        Assert.True(await waitedForTheLock, "the dispatcher recorded a send while another connection held the write lock");
        for (var second = 0; second < 10 && twilio.AcceptedTo.Count < 5; second++)
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await app.DispatchAsync();
        }

        Assert.Equal(Enumerable.Range(1, 5).Select(Phone), twilio.AcceptedTo.Order());
        Assert.All(await app.MessagesAsync(), m => Assert.Equal(OutboundMessageStatus.Sent, m.Status));
    }

    private VoiceApp WithProbe(VoiceApp app)
    {
        app.TestServices.Add(services => services.AddSingleton<IInterceptor>(_probe));
        return app;
    }

    /// <summary>Locks the database, then dials: returns once the call's session is being written, and waits.</summary>
    private async Task<SqliteConnection> DialBehindLockAsync(VoiceApp app, PhoneCall call)
    {
        var holder = await LockAsync(app);
        var blocked = _probe.Arm();
        await call.DialAsync();
        Assert.True(blocked.Wait(TimeSpan.FromSeconds(30)), "the first session was never written");
        return holder;
    }

    /// <summary>Once the service has started and migrated, a connection of its own takes the write lock.</summary>
    private static async Task<SqliteConnection> LockAsync(VoiceApp app)
    {
        await app.QueryAsync(db => Task.FromResult(0));
        var holder = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False");
        holder.Open();
        Execute(holder, "BEGIN EXCLUSIVE;");
        return holder;
    }

    /// <summary>
    /// Starts <paramref name="work"/> while a connection of its own holds an exclusive write transaction, and
    /// commits once the service has sent a write that must wait for it (seen by <see cref="WriteProbe"/>), so the
    /// lock is provably in the way, without guessing how long that takes. The holder runs on a thread of its own:
    /// SQLite waits for a lock by blocking its thread, and on two cores the pool's threads may all be waiting.
    /// </summary>
    private Task<T> WhileLocked<T>(string path, Func<Task<T>> work, out Task<bool> workWaited)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        // Armed first: a write the service sends while the lock is being taken is then seen, not missed and left
        // waiting for a commit that waits for it.
        var blocked = _probe.Arm();
        Execute(connection, "BEGIN EXCLUSIVE;");
        // Not on this thread: the work may block its caller while it waits for the lock.
        var started = Task.Run(work);
        var waited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = new Thread(() =>
        {
            var sawBlockedWrite = blocked.Wait(TimeSpan.FromSeconds(30));
            waited.SetResult(sawBlockedWrite && !started.IsCompleted);
            Execute(connection, "COMMIT;");
            connection.Dispose();
        }) { IsBackground = true };
        holder.Start();
        workWaited = waited.Task;
        return started;
    }

    /// <summary>
    /// Signals the first write the service sends after <see cref="Arm"/>, a write that the held lock blocks: a write
    /// statement, or the start of a transaction (on SQLite, BEGIN IMMEDIATE asks for the write lock at once).
    /// </summary>
    private sealed class WriteProbe : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private ManualResetEventSlim? _armed;

        public ManualResetEventSlim Arm() => _armed = new ManualResetEventSlim();

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            _armed?.Set();
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Observe(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Observe(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Observe(DbCommand command)
        {
            var sql = command.CommandText.TrimStart();
            if (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
                _armed?.Set();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
