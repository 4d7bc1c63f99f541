namespace Ciptex.Voice.Sms;

/// <summary>
/// <c>Twilio:MaxMessagesPerSecond</c> as the dispatcher asks it: may a send start now? Asked once per HTTP request to
/// Twilio, just before it is made, and a yes counts that send against the limit.
/// </summary>
public interface ISendRateBudget
{
    /// <summary>Null when a send may start at <paramref name="now"/> (and it has been counted); otherwise the first instant one may.</summary>
    Task<DateTimeOffset?> TryTakeAsync(int perSecond, DateTimeOffset now, CancellationToken ct);
}

/// <summary>The budget of a deployment with one instance (SQLite): kept in memory, exact, and free to ask.</summary>
internal sealed class InProcessSendRateBudget : ISendRateBudget
{
    private readonly Lock _gate = new();
    private SendRateLimit? _limit;

    public Task<DateTimeOffset?> TryTakeAsync(int perSecond, DateTimeOffset now, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_limit is null || _limit.PerSecond != perSecond)
                _limit = new SendRateLimit(perSecond);
            var freeAt = _limit.NextFreeSlot(now);
            if (freeAt is null)
                _limit.Record(now);
            return Task.FromResult(freeAt);
        }
    }
}
