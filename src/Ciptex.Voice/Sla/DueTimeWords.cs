using System.Globalization;

namespace Ciptex.Voice.Sla;

/// <summary>
/// A due time in words a caller can act on: "half past eleven today", "10 am on Monday 28 December".
/// Spoken by the IVR and written in texts, always in the support calendar's zone.
/// </summary>
public static class DueTimeWords
{
    private static readonly string[] Hours =
        ["twelve", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"];

    /// <summary>"half past eleven today", "10 am tomorrow", "10 am on Monday 28 December".</summary>
    public static string Describe(DateTimeOffset when, DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(when, zone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var day = DateOnly.FromDateTime(local.DateTime);
        var dayWords = day == today ? "today"
            : day == today.AddDays(1) ? "tomorrow"
            // The invariant culture's day and month names are en-GB's; the service runs without ICU's culture data.
            : "on " + local.ToString(day.Year == today.Year ? "dddd d MMMM" : "dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        return $"{TimeOfDay(local.Hour, local.Minute)} {dayWords}";
    }

    public static string TimeOfDay(int hour, int minute) => (hour, minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        (_, 0) => $"{Hour12(hour)} {AmPm(hour)}",
        (_, 15) => $"quarter past {Hours[hour % 12]}",
        (_, 30) => $"half past {Hours[hour % 12]}",
        (_, 45) => $"quarter to {Hours[(hour + 1) % 12]}",
        _ => $"{Hour12(hour)}:{minute:D2} {AmPm(hour)}",
    };

    private static int Hour12(int hour) => hour % 12 == 0 ? 12 : hour % 12;

    private static string AmPm(int hour) => hour < 12 ? "am" : "pm";
}
