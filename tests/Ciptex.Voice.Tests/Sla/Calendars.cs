using System.Globalization;
using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Tests.Sla;

/// <summary>Calendars and instants the support calendar tests share. Expected instants are written with their offset.</summary>
internal static class Calendars
{
    public static readonly TimeZoneInfo LondonZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static readonly SupportCalendar London = new(LondonZone, []);

    public static readonly SupportCalendar StrictGmt = new(TimeZoneInfo.FindSystemTimeZoneById("Etc/GMT"), []);

    public static DateTimeOffset At(string iso8601) =>
        DateTimeOffset.Parse(iso8601, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateOnly Day(string iso8601) => DateOnly.ParseExact(iso8601, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
