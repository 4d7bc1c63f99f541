using System.Collections.Concurrent;

namespace Ciptex.Voice.Admin;

/// <summary>
/// Slows down guessing of the admin key: after <see cref="MaxFailures"/> wrong keys from one address within
/// <see cref="Window"/>, that address is refused (429) until the oldest failure leaves the window — even with the
/// right key. Shared by the dashboard sign-in and the <c>X-Api-Key</c> check. Per process: behind several instances
/// each counts its own.
/// </summary>
public sealed class FailedSignInLimiter(TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxTrackedAddresses = 10_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <returns>How long the address must wait, or null when it may try.</returns>
    public TimeSpan? RetryAfter(HttpContext context)
    {
        if (!_failures.TryGetValue(AddressOf(context), out var failures))
            return null;
        lock (failures)
        {
            var now = time.GetUtcNow();
            while (failures.Count > 0 && now - failures.Peek() >= Window)
                failures.Dequeue();
            return failures.Count >= MaxFailures ? failures.Peek() + Window - now : null;
        }
    }

    public void RecordFailure(HttpContext context)
    {
        if (_failures.Count >= MaxTrackedAddresses)
            _failures.Clear(); // a flood of addresses must not grow memory without bound
        var failures = _failures.GetOrAdd(AddressOf(context), _ => new Queue<DateTimeOffset>());
        lock (failures)
            failures.Enqueue(time.GetUtcNow());
    }

    public void RecordSuccess(HttpContext context) => _failures.TryRemove(AddressOf(context), out _);

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
