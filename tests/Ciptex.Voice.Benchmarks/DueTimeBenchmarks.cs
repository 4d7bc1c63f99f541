using BenchmarkDotNet.Attributes;
using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// Support time over spans of a day, a week and a month: the calendar's window arithmetic against the naive
/// minute-by-minute count. The calendar's cost should grow with the days spanned, the naive one with the minutes.
/// </summary>
[MemoryDiagnoser]
public class DueTimeBenchmarks
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private readonly SupportCalendar calendar = new(London, []);
    private NaiveSupportClock naive = null!;
    private DateTimeOffset from;
    private DateTimeOffset to;

    [Params(1, 7, 30)]
    public int SpanDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        naive = new NaiveSupportClock(calendar);
        // A Monday morning in October, so the month-long span crosses the clock change at the end of October.
        from = new DateTimeOffset(2026, 10, 5, 8, 30, 0, TimeSpan.FromHours(1));
        to = from.AddDays(SpanDays);
        var fast = calendar.SupportTimeBetween(from, to, SupportPackage.Production);
        var slow = naive.SupportTimeBetween(from, to, SupportPackage.Production);
        if (fast != slow)
            throw new InvalidOperationException($"The calendar says {fast}, the minute-by-minute count {slow}.");
    }

    [Benchmark(Baseline = true)]
    public TimeSpan MinuteByMinute() => naive.SupportTimeBetween(from, to, SupportPackage.Production);

    [Benchmark]
    public TimeSpan SupportCalendar() => calendar.SupportTimeBetween(from, to, SupportPackage.Production);

    [Benchmark]
    public DateTimeOffset DueAtP4() => calendar.DueAt(from, FaultCategory.P4, SupportPackage.Production);
}
