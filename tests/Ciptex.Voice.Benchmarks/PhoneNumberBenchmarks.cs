using BenchmarkDotNet.Attributes;
using Ciptex.Voice.Phones;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// Normalising the caller's number, which every voice and SMS webhook does. <see cref="PhoneNumberFormat"/> remembers
/// up to 10,000 answers, so a number is worked out by libphonenumber the first time it is seen ("first sight", here
/// 20,000 numbers taken in turn, so none is still remembered when it comes round again) and looked up after that.
/// </summary>
[MemoryDiagnoser]
public class PhoneNumberBenchmarks
{
    private readonly string[] _numbers = Enumerable.Range(0, 20_000).Select(i => $"+4479111{i:D5}").ToArray();
    private int _next;

    [Benchmark(Baseline = true)]
    public bool UkMobileFirstSight() => PhoneNumberFormat.TryNormalise(_numbers[_next++ % _numbers.Length], out _);

    [Benchmark]
    public bool UkMobileRemembered() => PhoneNumberFormat.TryNormalise("+447700900123", out _);

    [Benchmark]
    public bool UkLandlineNationalRemembered() => PhoneNumberFormat.TryNormalise("020 7946 0001", out _);

    [Benchmark]
    public bool IsMobileRemembered() => PhoneNumberFormat.IsMobile("+447700900123");
}
