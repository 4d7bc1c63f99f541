namespace Ciptex.Voice.Sms;

/// <summary>
/// At most <c>perSecond</c> sends in any one-second window, ending at any instant: a sliding log of the last sends.
/// The caller passes the time in (the dispatcher's <see cref="TimeProvider"/>), so a fake clock can prove the limit.
/// Not thread-safe: the dispatcher sends one message at a time.
/// </summary>
public sealed class SendRateLimit(int perSecond)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Queue<DateTimeOffset> _recent = new();

    public int PerSecond { get; } = perSecond > 0 ? perSecond : throw new ArgumentOutOfRangeException(nameof(perSecond));

    /// <summary>Null when a send may start at <paramref name="now"/>; otherwise the first instant one may.</summary>
    public DateTimeOffset? NextFreeSlot(DateTimeOffset now)
    {
        // A send at t counts against every window (t - 1 s, t]; it stops counting once t + 1 s has been reached.
        while (_recent.Count > 0 && _recent.Peek() + Window <= now)
            _recent.Dequeue();
        return _recent.Count < PerSecond ? null : _recent.Peek() + Window;
    }

    /// <summary>Call once per HTTP request, just before it is made.</summary>
    public void Record(DateTimeOffset now) => _recent.Enqueue(now);
}
