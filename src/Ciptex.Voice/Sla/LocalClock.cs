namespace Ciptex.Voice.Sla;

/// <summary>
/// The two conversions the calendar needs between instants and the local clock. Only window edges are converted;
/// elapsed time is always measured between instants, so clock changes cannot add or lose support time.
/// </summary>
internal static class LocalClock
{
    /// <summary>The local calendar day an instant falls on.</summary>
    public static DateOnly LocalDate(this TimeZoneInfo zone, DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>
    /// The first instant at which the local clock reads <paramref name="time"/> on <paramref name="day"/> or later.
    /// When the clocks go back over that reading it is its first occurrence; when they jump over it, the instant of the jump.
    /// </summary>
    public static DateTimeOffset InstantOf(this TimeZoneInfo zone, DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        if (zone.IsInvalidTime(local))
            return EndOfGapOver(zone, local);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static DateTimeOffset EndOfGapOver(TimeZoneInfo zone, DateTime local)
    {
        // Read with the offset in force before the jump, the local time lands at or after the jump; a day earlier
        // is before it (no zone has skipped more than a day). Bisect for the jump itself.
        var offsetBefore = zone.GetUtcOffset(local.AddDays(-1));
        var hi = new DateTimeOffset(DateTime.SpecifyKind(local - offsetBefore, DateTimeKind.Utc));
        var lo = hi.AddDays(-1);
        while (hi.Ticks - lo.Ticks > 1)
        {
            var mid = lo.AddTicks((hi.Ticks - lo.Ticks) / 2);
            if (mid.UtcDateTime + zone.GetUtcOffset(mid) >= local)
                hi = mid;
            else
                lo = mid;
        }
        return hi;
    }
}
