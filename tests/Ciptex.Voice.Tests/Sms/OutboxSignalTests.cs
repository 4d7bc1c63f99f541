using Ciptex.Voice.Sms;
using Microsoft.Extensions.Time.Testing;

namespace Ciptex.Voice.Tests.Sms;

/// <summary>The dispatcher's wait between passes: woken by a new text, or by the clock, and never in a busy loop.</summary>
public sealed class OutboxSignalTests
{
    private readonly OutboxSignal _signal = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task A_wait_for_part_of_a_millisecond_lasts_a_whole_one()
    {
        // The rate limit's next slot is often a fraction of a millisecond away when the timer wakes the dispatcher;
        // the system's timers count whole milliseconds, so such a wait returned at once, pass after pass, until then.
        var wait = _signal.WaitAsync(TimeSpan.FromMilliseconds(0.3), _time, CancellationToken.None);
        _time.Advance(TimeSpan.FromMilliseconds(0.5));
        Assert.False(wait.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(0.5));
        Assert.False(await wait);
    }

    [Fact]
    public async Task A_text_saved_after_a_wait_timed_out_wakes_the_next_wait_at_once()
    {
        var first = _signal.WaitAsync(TimeSpan.FromSeconds(1), _time, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await first);

        var second = _signal.WaitAsync(TimeSpan.FromSeconds(1), _time, CancellationToken.None);
        Assert.False(second.IsCompleted);
        _signal.Notify();
        Assert.True(await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(await _signal.WaitAsync(TimeSpan.Zero, _time, CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_after_a_notice_already_read_lasts_its_timeout()
    {
        // The notice arrives between waits, after one timed out: the next wait reads it at once, and the one after
        // that has nothing to wake it but the clock.
        var first = _signal.WaitAsync(TimeSpan.FromSeconds(1), _time, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await first);
        _signal.Notify();
        Assert.True(await _signal.WaitAsync(TimeSpan.FromSeconds(1), _time, CancellationToken.None));

        // A wait that ended early would do so on the thread pool within microseconds; 200 ms of real time with the
        // fake clock standing still shows it does not.
        var third = _signal.WaitAsync(TimeSpan.FromSeconds(1), _time, CancellationToken.None);
        await Assert.ThrowsAsync<TimeoutException>(() => third.WaitAsync(TimeSpan.FromMilliseconds(200)));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await third);
    }

    [Fact]
    public async Task Stopping_ends_a_wait()
    {
        using var stopping = new CancellationTokenSource();
        var wait = _signal.WaitAsync(TimeSpan.FromMinutes(1), _time, stopping.Token);
        await stopping.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
    }
}
