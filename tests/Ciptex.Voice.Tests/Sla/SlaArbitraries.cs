using Ciptex.Voice.Sla;
using FsCheck;
using FsCheck.Fluent;

namespace Ciptex.Voice.Tests.Sla;

/// <summary>
/// One generated question for the calendar: a zone, an instant, a package, a category and two durations. Instants
/// crowd round clock changes and Christmas and New Year, where the arithmetic is most likely to slip.
/// </summary>
public sealed record SlaCase(string Zone, DateTimeOffset At, SupportPackage Package, FaultCategory Category, TimeSpan First, TimeSpan Second)
{
    public SupportCalendar Calendar => SlaArbitraries.Calendars[Zone];
}

public static class SlaArbitraries
{
    public const string LondonWithExtraHolidays = "Europe/London + extra holidays";

    public static readonly IReadOnlyList<DateOnly> ExtraHolidays =
        [new(2016, 6, 24), new(2019, 12, 27), new(2024, 12, 24), new(2026, 6, 15), new(2028, 3, 31)];

    /// <summary>São Paulo's clocks skipped midnight until 2019; Lord Howe's move by half an hour.</summary>
    public static readonly IReadOnlyDictionary<string, SupportCalendar> Calendars = new Dictionary<string, SupportCalendar>
    {
        ["Europe/London"] = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), []),
        ["Etc/GMT"] = new(TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT"), []),
        [LondonWithExtraHolidays] = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), ExtraHolidays),
        ["America/Sao_Paulo"] = new(TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"), []),
        ["Australia/Lord_Howe"] = new(TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe"), []),
    };

    private static readonly DateTimeOffset RangeStart = new(2016, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RangeEnd = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset[] Hotspots = FindHotspots();

    public static Arbitrary<SlaCase> SlaCases() =>
        (from zone in Gen.Elements(Calendars.Keys.ToArray())
         from at in Instants
         from package in Gen.Elements(SupportPackage.Production, SupportPackage.Extended)
         from category in Gen.Elements(Enum.GetValues<FaultCategory>())
         from first in Durations
         from second in Durations
         select new SlaCase(zone, at, package, category, first, second)).ToArbitrary();

    private static Gen<DateTimeOffset> Instants => Gen.Frequency(
        (2, Gen.Choose(0, (int)((RangeEnd - RangeStart).TotalMinutes / 15)).Select(q => RangeStart.AddMinutes(15.0 * q))),
        (1, Gen.Choose(0, (int)(RangeEnd - RangeStart).TotalSeconds).Select(s => RangeStart.AddSeconds(s))),
        (2, from hotspot in Gen.Elements(Hotspots)
            from quarter in Gen.Choose(-3 * 24 * 4, 3 * 24 * 4)
            select hotspot.AddMinutes(15.0 * quarter)));

    private static Gen<TimeSpan> Durations => Gen.Frequency(
        (3, Gen.Choose(0, 48 * 60).Select(m => TimeSpan.FromMinutes(m))),
        (1, Gen.Choose(0, 7 * 24 * 3600).Select(s => TimeSpan.FromSeconds(s))),
        (1, Gen.Choose(0, 3000 * 60).Select(m => TimeSpan.FromMinutes(m))),
        (1, Gen.Elements(Enum.GetValues<FaultCategory>()).Select(SupportCalendar.FirstResponseTarget)));

    private static DateTimeOffset[] FindHotspots()
    {
        var hotspots = new List<DateTimeOffset>();
        for (var year = RangeStart.Year; year < RangeEnd.Year; year++)
        {
            hotspots.Add(new DateTimeOffset(year, 12, 25, 0, 0, 0, TimeSpan.Zero));
            hotspots.Add(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
        // Every clock change of every zone above, found by watching the offset hour by hour.
        foreach (var zone in Calendars.Values.Select(c => c.TimeZone).DistinctBy(z => z.Id))
        {
            for (var at = RangeStart; at < RangeEnd; at = at.AddHours(1))
            {
                if (zone.GetUtcOffset(at) != zone.GetUtcOffset(at.AddHours(1)))
                    hotspots.Add(at.AddHours(1));
            }
        }
        return [.. hotspots];
    }
}
