using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Sms;

public sealed class OutboxRateLimitTests : IAsyncLifetime
{
    private const int PerSecond = 5;
    private const int Count = 23;
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly TwilioFake _twilio = new();
    private readonly VoiceApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _twilio.Dispose();
    }

    [Fact]
    public async Task No_more_than_MaxMessagesPerSecond_requests_reach_Twilio_in_any_second_of_the_fake_clock()
    {
        _twilio.AcceptsAll();
        _app.SendingTo(_twilio, PerSecond);
        await _app.EnqueueAsync(Enumerable.Range(1, Count).Select(n => Text(n)).ToArray());
        var start = _app.Time.GetUtcNow();

        // The fake clock moves in tenths of a second; each request is stamped with it as WireMock answers.
        for (var step = 0; step < 200 && _twilio.Received.Count < Count; step++)
        {
            await _app.DispatchAsync();
            _app.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var times = _twilio.Received.Select(r => r.At!.Value).Order().ToList();
        Assert.Equal(Count, times.Count);
        // The busiest one-second window starts at some request: none holds more than the limit.
        Assert.All(times, t => Assert.InRange(times.Count(x => x >= t && x < t + Second), 1, PerSecond));
        // The limit is used, not undercut: a full burst at once, and the batch done as soon as the limit allows.
        Assert.Equal(PerSecond, times.Count(x => x == start));
        Assert.Equal(TimeSpan.FromSeconds((Count - 1) / PerSecond), times[^1] - start);
    }

    [Fact]
    public void The_limit_frees_a_slot_exactly_one_second_after_the_oldest_send_in_the_window()
    {
        var limit = new SendRateLimit(2);
        var t0 = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

        Assert.Null(limit.NextFreeSlot(t0));
        limit.Record(t0);
        limit.Record(t0 + TimeSpan.FromMilliseconds(300));

        Assert.Equal(t0 + Second, limit.NextFreeSlot(t0 + TimeSpan.FromMilliseconds(999)));
        Assert.Null(limit.NextFreeSlot(t0 + Second));
    }
}
