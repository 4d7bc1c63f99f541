using BenchmarkDotNet.Attributes;
using Ciptex.Voice.Phones;

namespace Ciptex.Voice.Benchmarks;

/// <summary>Normalising the caller's number, which every voice and SMS webhook does.</summary>
[MemoryDiagnoser]
public class PhoneNumberBenchmarks
{
    [Benchmark(Baseline = true)]
    public bool UkMobile() => PhoneNumberFormat.TryNormalise("+447700900123", out _);

    [Benchmark]
    public bool UkLandlineNational() => PhoneNumberFormat.TryNormalise("020 7946 0001", out _);

    [Benchmark]
    public bool IsMobile() => PhoneNumberFormat.IsMobile("+447700900123");
}
