using System.Collections.Concurrent;

namespace Ciptex.Voice.Dashboard.Simulator;

/// <summary>One line of what happened on a simulated call.</summary>
/// <param name="Who"><c>service</c> (what the caller hears), <c>caller</c> (what they did) or <c>line</c> (the network).</param>
public sealed record CallLine(string Who, string Text);

/// <summary>A simulated call in progress: Twilio's side of it, what was said, and the keys pressed towards the current prompt.</summary>
public sealed class SimulatorCall(SimulatedCall call, DateTimeOffset startedAt)
{
    public SimulatedCall Call { get; } = call;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset LastUsed { get; set; } = startedAt;
    public List<CallLine> Transcript { get; } = [];

    /// <summary>Keys pressed that the current Gather has not yet been sent, as Twilio collects them.</summary>
    public string Digits { get; set; } = "";

    public bool Ended { get; set; }

    /// <summary>One step at a time: a double-clicked key must not send two webhooks for the same prompt.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);
}

/// <summary>
/// The calls the simulator has going, in memory: a simulated call lives only as long as someone is clicking through it,
/// and the webhooks it sent have stored everything that matters (sessions, tickets, texts) in the database anyway.
/// </summary>
public sealed class SimulatorCalls(TimeProvider time)
{
    private const int MaxCalls = 100;
    private static readonly TimeSpan IdleLimit = TimeSpan.FromHours(2);
    private readonly ConcurrentDictionary<string, SimulatorCall> _calls = new();

    public SimulatorCall Start(string? from, string accountSid)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _calls.Values.Where(c => now - c.LastUsed > IdleLimit).ToList())
            _calls.TryRemove(stale.Call.CallSid, out _);
        foreach (var oldest in _calls.Values.OrderBy(c => c.LastUsed).Take(Math.Max(0, _calls.Count - MaxCalls + 1)).ToList())
            _calls.TryRemove(oldest.Call.CallSid, out _);
        var call = new SimulatorCall(new SimulatedCall(from, accountSid: accountSid), now);
        _calls[call.Call.CallSid] = call;
        return call;
    }

    public SimulatorCall? Find(string? callSid)
    {
        if (callSid is null || !_calls.TryGetValue(callSid, out var call))
            return null;
        call.LastUsed = time.GetUtcNow();
        return call;
    }
}
