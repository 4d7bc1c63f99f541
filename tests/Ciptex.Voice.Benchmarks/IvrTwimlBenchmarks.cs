using BenchmarkDotNet.Attributes;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Benchmarks;

/// <summary>The TwiML of a typical step: the greeting and category menu a known caller hears, as the bytes sent.</summary>
[MemoryDiagnoser]
public class IvrTwimlBenchmarks
{
    private readonly IvrScript script = new(new FixedOptions<TwilioOptions>(new TwilioOptions { PublicBaseUrl = "https://voice.ciptex.example" }));
    private readonly OpenIncident[] incidents = [new("twilio", "Twilio", "Delayed SMS delivery in the UK", "investigating")];

    [Benchmark(Baseline = true)]
    public ReadOnlyMemory<byte> GreetingAndCategoryMenu()
    {
        var r = new VoiceTwiml();
        script.Greet(r, "Acme Logistics", []);
        return script.CategoryMenu(r, attempt: 1).ToResult().Body;
    }

    [Benchmark]
    public ReadOnlyMemory<byte> GreetingDuringIncidentAndCategoryMenu()
    {
        var r = new VoiceTwiml();
        script.Greet(r, "Acme Logistics", incidents);
        return script.CategoryMenu(r, attempt: 1).ToResult().Body;
    }

    [Benchmark]
    public ReadOnlyMemory<byte> RecordDetails() => script.RecordDetails(new VoiceTwiml(), attempt: 1).ToResult().Body;
}

/// <summary>Options that never change, for classes that take a monitor.</summary>
internal sealed class FixedOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
