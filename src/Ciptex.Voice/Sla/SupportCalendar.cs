using System.Collections.Frozen;

namespace Ciptex.Voice.Sla;

/// <summary>
/// When Ciptex support is open and how much support time lies between two instants: the clock behind every
/// first-response target, escalation and RFO date. Instants go in with any offset and come out in UTC.
/// </summary>
/// <remarks>
/// Support time is elapsed real time inside support windows. A window's edges are local clock readings converted to
/// instants day by day, so a Production window is 09:00–17:00 on the local clock on both sides of a clock change and
/// an Extended day lasts 23 or 25 hours when the clocks change. Work grows with the days spanned, never the minutes.
/// </remarks>
public sealed partial class SupportCalendar
{
    private static readonly TimeOnly Opens = new(9, 0);
    private static readonly TimeOnly Closes = new(17, 0);

    // Window edges are computed up to the midnight that starts this day, the last one a DateTimeOffset can hold in
    // every zone; asking beyond it is an ArgumentOutOfRangeException, not an endless loop.
    private static readonly DateOnly EndOfCalendar = new(9999, 12, 31);

    private readonly FrozenSet<DateOnly> extraHolidays;

    // The last first window found for each package, and the instant it was asked for: asked again for any instant
    // from then until the window ends, the answer is the same window. Every call's greeting asks whether support is
    // open, and the calendar's walk through local days and time zone rules cost the greeting 4% of its CPU
    // (docs/benchmarks.md). Replaced whole, so readers on other threads see one answer or another, never half.
    private readonly WindowAsked?[] lastWindows = new WindowAsked?[2];

    private sealed record WindowAsked(DateTimeOffset At, DateTimeOffset Start, DateTimeOffset End);

    public SupportCalendar(TimeZoneInfo zone, IEnumerable<DateOnly> extraHolidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(extraHolidays);
        TimeZone = zone;
        this.extraHolidays = extraHolidays.ToFrozenSet();
    }

    /// <summary>The calendar the <c>Support</c> section describes; the options must have passed validation.</summary>
    public static SupportCalendar Create(SupportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!SupportOptions.TryFindIanaZone(options.TimeZone, out var zone))
            throw new ArgumentException($"Support:TimeZone '{options.TimeZone}' is not a known IANA time zone.", nameof(options));
        return new SupportCalendar(zone, options.ExtraHolidays);
    }

    /// <summary>The zone whose local clock support hours are read on.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Time to first response, in support time, for each fault category of the policy.</summary>
    public static TimeSpan FirstResponseTarget(FaultCategory category) => category switch
    {
        FaultCategory.P1 => TimeSpan.FromHours(2),
        FaultCategory.P2 => TimeSpan.FromHours(4),
        FaultCategory.P3 => TimeSpan.FromHours(8),
        FaultCategory.P4 => TimeSpan.FromHours(16),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown fault category."),
    };

    /// <summary>Whether the SLA clock of a ticket on this package runs at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at, SupportPackage package) => FirstWindow(at, package).Start == at;

    /// <summary><paramref name="at"/> itself when open, else the start of the next support window.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at, SupportPackage package) => FirstWindow(at, package).Start;

    /// <summary>
    /// When the support window open at <paramref name="at"/> closes ("we close at …"), or null when closed. For
    /// Extended Support that is the next midnight starting 25 December or 1 January.
    /// </summary>
    public DateTimeOffset? ClosesAt(DateTimeOffset at, SupportPackage package)
    {
        var window = FirstWindow(at, package);
        return window.Start == at ? window.End : null;
    }

    /// <summary>When a first response is due: the target of the category counted in support time from opening.</summary>
    public DateTimeOffset DueAt(DateTimeOffset openedAt, FaultCategory category, SupportPackage package) =>
        AddSupportTime(openedAt, FirstResponseTarget(category), package);

    /// <summary>
    /// The earliest instant by which <paramref name="duration"/> of support time has elapsed since
    /// <paramref name="from"/>. A clock started out of hours starts at the next opening; a duration that runs out
    /// exactly at closing time gives the closing time, not the next opening; a zero duration gives
    /// <paramref name="from"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or ends beyond year 9999.</exception>
    public DateTimeOffset AddSupportTime(DateTimeOffset from, TimeSpan duration, SupportPackage package)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        // Support time never runs faster than real time, so this rejects the absurd at once.
        if (duration > DateTimeOffset.MaxValue - from)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "The support time would end after year 9999.");
        if (duration == TimeSpan.Zero)
            return from.ToUniversalTime();

        var remaining = duration;
        foreach (var (start, end) in WindowsFrom(from, package))
        {
            if (remaining <= end - start)
                return start + remaining;
            remaining -= end - start;
        }
        throw new ArgumentOutOfRangeException(nameof(duration), duration, "The support time would end after year 9999.");
    }

    /// <summary>Support time elapsed between two instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan SupportTimeBetween(DateTimeOffset from, DateTimeOffset to, SupportPackage package)
    {
        var total = TimeSpan.Zero;
        if (to <= from)
            return total;
        foreach (var (start, end) in WindowsFrom(from, package))
        {
            if (start >= to)
                break;
            total += (end < to ? end : to) - start;
        }
        return total;
    }

    /// <summary>Monday to Friday, and neither an England and Wales bank holiday nor one of the extra holidays.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !EnglandAndWalesBankHolidays.Contains(day)
        && !extraHolidays.Contains(day);

    private (DateTimeOffset Start, DateTimeOffset End) FirstWindow(DateTimeOffset at, SupportPackage package)
    {
        var utc = at.ToUniversalTime();
        var slot = package switch
        {
            SupportPackage.Production => 0,
            SupportPackage.Extended => 1,
            _ => throw new ArgumentOutOfRangeException(nameof(package), package, "Unknown support package."),
        };
        // No window starts between the instant asked before and its window, so the same window is the first from
        // any later instant before its end (cut to start no earlier than that instant).
        if (Volatile.Read(ref lastWindows[slot]) is { } last && utc >= last.At && utc < last.End)
            return (last.Start > utc ? last.Start : utc, last.End);
        foreach (var window in WindowsFrom(at, package))
        {
            Volatile.Write(ref lastWindows[slot], new WindowAsked(utc, window.Start, window.End));
            return window;
        }
        throw new ArgumentOutOfRangeException(nameof(at), at, "No support window opens before the end of year 9999.");
    }

    /// <summary>
    /// The support windows, in order, that end after <paramref name="from"/>, the first one cut to start no earlier
    /// than it. Windows are half-open: open at their start, closed at their end.
    /// </summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WindowsFrom(DateTimeOffset from, SupportPackage package)
    {
        var windows = package switch
        {
            SupportPackage.Production => ProductionWindows(TimeZone.LocalDate(from)),
            SupportPackage.Extended => ExtendedWindows(TimeZone.LocalDate(from)),
            _ => throw new ArgumentOutOfRangeException(nameof(package), package, "Unknown support package."),
        };
        var utc = from.ToUniversalTime();
        return windows.Where(w => w.End > utc).Select(w => (w.Start > utc ? w.Start : utc, w.End));
    }

    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> ProductionWindows(DateOnly firstDay)
    {
        for (var day = firstDay; day < EndOfCalendar; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                yield return (TimeZone.InstantOf(day, Opens), TimeZone.InstantOf(day, Closes));
        }
    }

    // Extended Support is open from one closed day to the next, so each window is a run of whole local days and
    // only its two midnights are converted.
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> ExtendedWindows(DateOnly firstDay)
    {
        var day = firstDay;
        while (day < EndOfCalendar)
        {
            if (IsExtendedClosed(day))
            {
                day = day.AddDays(1);
                continue;
            }
            var christmas = new DateOnly(day.Year, 12, 25);
            var closedDay = day < christmas ? christmas
                : day.Year < EndOfCalendar.Year ? new DateOnly(day.Year + 1, 1, 1)
                : EndOfCalendar;
            yield return (TimeZone.InstantOf(day, TimeOnly.MinValue), TimeZone.InstantOf(closedDay, TimeOnly.MinValue));
            day = closedDay;
        }
    }

    private static bool IsExtendedClosed(DateOnly day) => day is { Month: 12, Day: 25 } or { Month: 1, Day: 1 };
}
