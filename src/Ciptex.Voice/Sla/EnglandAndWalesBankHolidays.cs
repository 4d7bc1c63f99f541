using System.Collections.Concurrent;
using System.Collections.Frozen;
using PublicHoliday;

namespace Ciptex.Voice.Sla;

/// <summary>
/// England and Wales bank holidays, including substitute days and one-offs (jubilees, coronation, state funeral),
/// as the PublicHoliday package knows them. Scotland and Northern Ireland have different days and are not used.
/// </summary>
internal static class EnglandAndWalesBankHolidays
{
    private static readonly UKBankHoliday Source = new(UKBankHoliday.UkCountries.England);

    // The package recomputes a year's list on every call; the calendar asks about the same few years all day long.
    private static readonly ConcurrentDictionary<int, FrozenSet<DateOnly>> ByYear = new();

    public static bool Contains(DateOnly day) => ByYear.GetOrAdd(day.Year, Load).Contains(day);

    private static FrozenSet<DateOnly> Load(int year)
    {
        // The package keeps no documented promise of thread safety, so it is asked one year at a time.
        lock (Source)
            return Source.PublicHolidays(year).Select(DateOnly.FromDateTime).ToFrozenSet();
    }
}
