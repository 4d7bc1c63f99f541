using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Sms;

/// <summary>Restarts and dead dispatchers: every text is sent, none twice. The fake Twilio's request log is the proof.</summary>
public sealed class OutboxCrashRecoveryTests : IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"ciptex-voice-restart-{Guid.NewGuid():N}.db");
    private readonly TwilioFake _twilio = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _twilio.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        VoiceApp.DeleteDatabase(_database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_host_disposed_mid_batch_and_a_new_host_on_the_same_database_send_every_text_exactly_once()
    {
        const int count = 12;
        var phones = Enumerable.Range(1, count).Select(Phone).ToList();
        // Slow answers keep the first host busy long enough to be stopped in the middle of the batch.
        _twilio.AcceptsAll(delay: TimeSpan.FromMilliseconds(150));

        var first = new VoiceApp(_database) { KeepDatabase = true }.SendingTo(_twilio);
        await first.EnqueueAsync(Enumerable.Range(1, count).Select(n => Text(n)).ToArray());
        await _twilio.ReceivedAtLeastAsync(3);
        await first.DisposeAsync();

        var sentByFirst = _twilio.Received.Count;
        Assert.InRange(sentByFirst, 3, count - 1);
        // Read the file before a second host (and its dispatcher) opens it: what the first host sent it also
        // recorded, and it left no lease behind for the second to wait out.
        var left = await ReadDirectlyAsync();
        Assert.Equal(sentByFirst, left.Count(m => m.Status == OutboundMessageStatus.Sent));
        Assert.All(left, m => Assert.Null(m.LeaseOwner));

        await using var second = new VoiceApp(_database).SendingTo(_twilio);
        second.Time.Advance(OutboxLeases.Duration + TimeSpan.FromSeconds(1));
        await second.DispatchAsync();

        Assert.Equal(phones, _twilio.AcceptedTo.Order());
        Assert.All(await second.MessagesAsync(), m => Assert.Equal(OutboundMessageStatus.Sent, m.Status));
        Assert.Equal(count, _twilio.Received.Count);
    }

    [Fact]
    public async Task A_text_claimed_by_a_dispatcher_that_died_is_sent_once_its_lease_has_expired()
    {
        _twilio.AcceptsAll();
        await using var app = new VoiceApp(_database).SendingTo(_twilio);
        var expires = app.Time.GetUtcNow() + OutboxLeases.Duration;
        await app.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VoiceDbContext>();
            db.Add(new OutboundMessage
            {
                IdempotencyKey = "orphan", To = Phone(1), Body = "Sent by a host that died", Purpose = "test",
                Attempts = 1, LeaseOwner = "dead-host:1:0", LeaseExpiresAt = expires, CreatedAt = app.Time.GetUtcNow(), NextAttemptAt = app.Time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });

        var pass = await app.DispatchAsync();
        Assert.Equal(expires + TimeSpan.FromTicks(1), pass.NextDueAt);
        app.Time.Advance(OutboxLeases.Duration);
        await app.DispatchAsync();
        Assert.Empty(_twilio.Received); // at expiry itself the lease still holds

        app.Time.Advance(TimeSpan.FromSeconds(1));
        await app.DispatchAsync();
        app.Time.Advance(OutboxLeases.Duration * 2);
        await app.DispatchAsync();

        Assert.Equal([Phone(1)], _twilio.AcceptedTo);
        var message = await app.MessageAsync("orphan");
        Assert.Equal((OutboundMessageStatus.Sent, 2, null), (message.Status, message.Attempts, message.LeaseOwner));
    }

    private async Task<List<OutboundMessage>> ReadDirectlyAsync()
    {
        await using var db = new SqliteVoiceDbContext(new DbContextOptionsBuilder<SqliteVoiceDbContext>().UseSqlite($"Data Source={_database}").Options);
        return await db.Set<OutboundMessage>().AsNoTracking().ToListAsync();
    }
}
