namespace Ciptex.Voice.Sms;

/// <summary>What one attempt to hand a text to Twilio came to.</summary>
public abstract record SendOutcome
{
    private SendOutcome() { }

    /// <param name="Sid">Twilio's message SID; null only when Twilio said 2xx but the body could not be read.</param>
    public sealed record Accepted(string? Sid) : SendOutcome;

    /// <summary>Worth trying again later: Twilio was busy, broken or unreachable.</summary>
    public sealed record Transient(int? ErrorCode, string Reason) : SendOutcome;

    /// <summary>Trying again would fail the same way: the number, the region or the recipient's consent.</summary>
    public sealed record Permanent(int ErrorCode, string Reason) : SendOutcome;

    /// <summary>Twilio's 21610: the recipient texted STOP to this sender.</summary>
    public const int Unsubscribed = 21610;

    // reference/twilio.md §5.5. Other 4xx are permanent too; these are named so that a missing HTTP status
    // (the SDK loses it for some bodies) does not turn them into endless retries.
    private static readonly HashSet<int> PermanentCodes = [21211, 21408, 21608, 21610, 21614, 21635];

    /// <summary>
    /// Sorts a Twilio error: 429/20429 and 5xx are transient, named codes and other 4xx permanent. An error with
    /// neither a known code nor a status is treated as transient, which the attempt limit bounds.
    /// </summary>
    /// <remarks>
    /// A 401 (20003) says our credentials are wrong, not the text: it is retried, so the texts survive while an
    /// operator fixes <c>Twilio:AuthToken</c>, instead of every queued text failing for good.
    /// </remarks>
    public static SendOutcome FromError(int code, int? httpStatus, string reason)
    {
        if (code is 20429 or 20003 || httpStatus is 429 or 401 || httpStatus >= 500)
            return new Transient(code == 0 ? httpStatus : code, reason);
        if (PermanentCodes.Contains(code) || httpStatus is >= 400 and < 500)
            return new Permanent(code != 0 ? code : httpStatus!.Value, reason);
        return new Transient(code == 0 ? null : code, reason);
    }
}

/// <summary>When a transient failure is tried again: exponential backoff with jitter, and a limit.</summary>
public static class SendRetryPolicy
{
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(10);

    /// <summary>About 75 minutes of retrying in all, long enough to ride out a Twilio incident's usual length.</summary>
    public const int MaxAttempts = 15;

    /// <summary>
    /// The wait after attempt <paramref name="attempts"/> (1 = the first failed): 2 s doubling to a 10 min cap, then
    /// between half and all of it at random (<paramref name="random"/> in [0, 1)), so that dispatchers that failed
    /// together do not retry together.
    /// </summary>
    public static TimeSpan Delay(int attempts, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var ceiling = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + 0.5 * Math.Clamp(random, 0, 1)));
    }

    /// <summary>The longest <see cref="Delay"/> can be after that attempt: what a test advances the clock by.</summary>
    public static TimeSpan LongestDelay(int attempts) => Delay(attempts, 1);
}
