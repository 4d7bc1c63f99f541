using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// The reference the real calendar is measured against: walk forward one minute at a time and count the minutes
/// that fall inside support hours. Obviously right, and its cost grows with every minute of the span.
/// </summary>
public sealed class NaiveSupportClock(SupportCalendar calendar)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The instant by which <paramref name="duration"/> (whole minutes) of support time has elapsed.</summary>
    public DateTimeOffset AddSupportTime(DateTimeOffset from, TimeSpan duration, SupportPackage package)
    {
        var at = from.ToUniversalTime();
        var remaining = duration;
        while (remaining > TimeSpan.Zero)
        {
            if (IsWorkingMinute(at, package))
                remaining -= Minute;
            at += Minute;
        }
        return at;
    }

    /// <summary>Support minutes between two instants, counted one by one.</summary>
    public TimeSpan SupportTimeBetween(DateTimeOffset from, DateTimeOffset to, SupportPackage package)
    {
        var total = TimeSpan.Zero;
        for (var at = from.ToUniversalTime(); at < to; at += Minute)
        {
            if (IsWorkingMinute(at, package))
                total += Minute;
        }
        return total;
    }

    // Read straight off the local clock, independently of the calendar's window arithmetic.
    private bool IsWorkingMinute(DateTimeOffset at, SupportPackage package)
    {
        var local = TimeZoneInfo.ConvertTime(at, calendar.TimeZone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (package == SupportPackage.Extended)
            return !(day.Month == 12 && day.Day == 25) && !(day.Month == 1 && day.Day == 1);
        return calendar.IsWorkingDay(day) && local.Hour is >= 9 and < 17;
    }
}
