using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tests.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Scale;

/// <summary>Two instances draining one outbox on PostgreSQL. The fake Twilio's request log is the proof.</summary>
public sealed class OutboxOnTwoHostsTests : IAsyncLifetime
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly PostgresDatabase _database = new();
    private readonly FakeTimeProvider _time = new(ScaleHost.Start);
    private readonly TwilioFake _twilio = new();
    private VoiceApp _a = null!, _b = null!;

    public async Task InitializeAsync() => await _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _twilio.Dispose();
        await _database.DisposeAsync();
    }

    private void StartBoth(int perSecond = 1000)
    {
        _a = ScaleHost.On(_database, _time).SendingTo(_twilio, perSecond).Started();
        _b = ScaleHost.On(_database, _time).SendingTo(_twilio, perSecond).Started();
    }

    [Fact]
    public async Task Two_dispatchers_draining_one_outbox_at_once_send_every_text_exactly_once()
    {
        const int count = 30;
        // Slow answers keep both dispatchers in the middle of the batch at the same time.
        _twilio.AcceptsAll(delay: TimeSpan.FromMilliseconds(40));
        StartBoth();
        await _a.EnqueueAsync(Enumerable.Range(1, count).Select(n => Text(n)).ToArray());

        var passes = await Task.WhenAll(_a.DispatchAsync(), _b.DispatchAsync());

        Assert.Equal(Enumerable.Range(1, count).Select(Phone), _twilio.AcceptedTo.Order());
        Assert.True(passes[1].Handled > 0, "the second instance sent nothing, so nothing was shared");
        Assert.All(await _b.MessagesAsync(), m => Assert.Equal(OutboundMessageStatus.Sent, m.Status));
        Assert.Equal(count, _twilio.Received.Count);
    }

    [Fact]
    public async Task MaxMessagesPerSecond_holds_for_both_instances_together_not_for_each()
    {
        const int perSecond = 5, count = 23;
        _twilio.AcceptsAll();
        StartBoth(perSecond);
        await _a.EnqueueAsync(Enumerable.Range(1, count).Select(n => Text(n)).ToArray());
        var start = _time.GetUtcNow();

        for (var step = 0; step < 200 && _twilio.Received.Count < count; step++)
        {
            await Task.WhenAll(_a.DispatchAsync(), _b.DispatchAsync());
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var times = _twilio.Received.Select(r => r.At!.Value).Order().ToList();
        Assert.Equal(count, times.Count);
        Assert.All(times, t => Assert.InRange(times.Count(x => x >= t && x < t + Second), 1, perSecond));
        // One budget used in full: a burst of the limit at once, and the batch done as soon as the limit allows.
        Assert.Equal(perSecond, times.Count(x => x == start));
        Assert.Equal(TimeSpan.FromSeconds((count - 1) / perSecond), times[^1] - start);
        Assert.Equal(Enumerable.Range(1, count).Select(Phone), _twilio.AcceptedTo.Order());
    }

    [Fact]
    public async Task A_text_claimed_by_an_instance_that_died_is_sent_once_by_the_other_after_its_lease()
    {
        _twilio.AcceptsAll();
        StartBoth();
        // Instance A claimed the text (as its dispatcher's conditional update leaves it) and died before sending.
        await _a.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<VoiceDbContext>();
            db.Add(new OutboundMessage
            {
                IdempotencyKey = "orphan", To = Phone(1), Body = "Claimed by an instance that died", Purpose = "test", Attempts = 1,
                LeaseOwner = _a.Services.GetRequiredService<OutboundSmsDispatcher>().Owner, LeaseExpiresAt = _time.GetUtcNow() + OutboxLeases.Duration,
                CreatedAt = _time.GetUtcNow(), NextAttemptAt = _time.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
        await _a.DisposeAsync();

        await _b.DispatchAsync();
        Assert.Empty(_twilio.Received);
        _time.Advance(OutboxLeases.Duration + Second);
        await _b.DispatchAsync();

        Assert.Equal([Phone(1)], _twilio.AcceptedTo);
        var message = await _b.MessageAsync("orphan");
        Assert.Equal((OutboundMessageStatus.Sent, 2, null), (message.Status, message.Attempts, message.LeaseOwner));
    }
}
