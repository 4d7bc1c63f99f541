using Ciptex.Voice.Sla;
using FsCheck.Xunit;
using PublicHoliday;

namespace Ciptex.Voice.Tests.Sla;

[Properties(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 300)]
public class SupportCalendarPropertyTests
{
    [Property]
    public void A_due_time_is_never_before_the_ticket_was_opened_and_holds_exactly_the_target(SlaCase c)
    {
        var due = c.Calendar.DueAt(c.At, c.Category, c.Package);

        Assert.True(due >= c.At);
        Assert.Equal(SupportCalendar.FirstResponseTarget(c.Category), c.Calendar.SupportTimeBetween(c.At, due, c.Package));
    }

    [Property]
    public void Splitting_a_duration_in_two_gives_the_same_end(SlaCase c)
    {
        var inTwoSteps = c.Calendar.AddSupportTime(c.Calendar.AddSupportTime(c.At, c.First, c.Package), c.Second, c.Package);

        Assert.Equal(c.Calendar.AddSupportTime(c.At, c.First + c.Second, c.Package), inTwoSteps);
    }

    [Property]
    public void Adding_support_time_finds_the_earliest_instant_by_which_that_much_has_elapsed(SlaCase c)
    {
        var end = c.Calendar.AddSupportTime(c.At, c.First, c.Package);

        Assert.Equal(c.First, c.Calendar.SupportTimeBetween(c.At, end, c.Package));
        if (c.First > TimeSpan.Zero)
            Assert.True(c.Calendar.SupportTimeBetween(c.At, end.AddTicks(-1), c.Package) < c.First);
    }

    [Property]
    public void Support_time_never_runs_faster_than_real_time_and_adds_up_over_a_middle_instant(SlaCase c)
    {
        var middle = c.At + c.First;
        var end = middle + c.Second;
        var whole = c.Calendar.SupportTimeBetween(c.At, end, c.Package);

        Assert.True(whole <= end - c.At);
        Assert.Equal(whole, c.Calendar.SupportTimeBetween(c.At, middle, c.Package) + c.Calendar.SupportTimeBetween(middle, end, c.Package));
    }

    [Property]
    public void Extended_due_time_is_plain_arithmetic_unless_the_span_touches_25_December_or_1_January(SlaCase c)
    {
        var plain = c.At + SupportCalendar.FirstResponseTarget(c.Category);
        var due = c.Calendar.DueAt(c.At, c.Category, SupportPackage.Extended);

        Assert.True(due >= plain);
        Assert.Equal(!TouchesChristmasOrNewYear(c.Calendar.TimeZone, c.At, plain), due == plain);
    }

    [Property]
    public void IsOpen_agrees_with_the_support_time_in_the_next_tick(SlaCase c)
    {
        var open = c.Calendar.IsOpen(c.At, c.Package);

        Assert.Equal(open, c.Calendar.SupportTimeBetween(c.At, c.At.AddTicks(1), c.Package) > TimeSpan.Zero);
        Assert.Equal(open, c.Calendar.NextOpening(c.At, c.Package) == c.At);
        Assert.Equal(open, c.Calendar.ClosesAt(c.At, c.Package) is not null);
    }

    [Property]
    public void The_next_opening_is_open_and_no_support_time_passes_before_it(SlaCase c)
    {
        var next = c.Calendar.NextOpening(c.At, c.Package);

        Assert.True(c.Calendar.IsOpen(next, c.Package));
        Assert.Equal(TimeSpan.Zero, c.Calendar.SupportTimeBetween(c.At, next, c.Package));
    }

    [Property]
    public void Support_runs_without_a_break_from_now_until_the_closing_time_and_stops_there(SlaCase c)
    {
        if (c.Calendar.ClosesAt(c.At, c.Package) is not { } closes)
            return;

        Assert.Equal(closes - c.At, c.Calendar.SupportTimeBetween(c.At, closes, c.Package));
        Assert.False(c.Calendar.IsOpen(closes, c.Package));
    }

    [Property]
    public void IsOpen_agrees_with_reading_the_local_clock_against_the_policy(SlaCase c)
    {
        var local = TimeZoneInfo.ConvertTime(c.At, c.Calendar.TimeZone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var expected = c.Package == SupportPackage.Extended
            ? !IsChristmasOrNewYear(day)
            : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
              && !EnglandAndWales.IsBankHoliday(local.Date)
              && !(c.Zone == SlaArbitraries.LondonWithExtraHolidays && SlaArbitraries.ExtraHolidays.Contains(day))
              && local.Hour is >= 9 and < 17;

        Assert.Equal(expected, c.Calendar.IsOpen(c.At, c.Package));
    }

    private static readonly UKBankHoliday EnglandAndWales = new(UKBankHoliday.UkCountries.England);

    private static bool IsChristmasOrNewYear(DateOnly day) => day is { Month: 12, Day: 25 } or { Month: 1, Day: 1 };

    // Whether any instant of [from, to) falls on a local 25 December or 1 January, read off the local clock hour by
    // hour; the closed days start and end at local midnight, so checking both ends of each step is enough.
    private static bool TouchesChristmasOrNewYear(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        static DateOnly Day(TimeZoneInfo zone, DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

        for (var at = from; at < to; at = at.AddHours(1))
        {
            if (IsChristmasOrNewYear(Day(zone, at)))
                return true;
        }
        return IsChristmasOrNewYear(Day(zone, to.AddTicks(-1)));
    }
}
