using Ciptex.Voice.Sla;
using static Ciptex.Voice.Tests.Sla.Calendars;

namespace Ciptex.Voice.Tests.Sla;

/// <summary>
/// Christmas 2026: Friday 25 December; Boxing Day falls on a Saturday, so Monday 28 December is the substitute bank
/// holiday; New Year's Day 2027 is a Friday. Easter 2026: Good Friday 3 April, Easter Monday 6 April.
/// </summary>
public class HolidayTests
{
    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-04-03")]
    [InlineData("2026-04-06")]
    [InlineData("2026-05-04")]
    [InlineData("2026-05-25")]
    [InlineData("2026-08-31")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-28")] // substitute for Boxing Day
    [InlineData("2027-01-01")]
    [InlineData("2023-05-08")] // the coronation, a one-off
    public void England_and_Wales_bank_holidays_are_not_working_days(string day) =>
        Assert.False(London.IsWorkingDay(Day(day)));

    [Theory]
    [InlineData("2026-01-02")] // Scotland: 2 January
    [InlineData("2026-03-17")] // Northern Ireland: St Patrick's Day
    [InlineData("2026-07-13")] // Northern Ireland: Battle of the Boyne, substitute
    [InlineData("2026-08-03")] // Scotland: summer bank holiday
    [InlineData("2026-11-30")] // Scotland: St Andrew's Day
    public void Scottish_and_Northern_Irish_bank_holidays_are_working_days(string day) =>
        Assert.True(London.IsWorkingDay(Day(day)));

    [Fact]
    public void A_P2_raised_on_Christmas_Eve_afternoon_is_due_on_the_Tuesday_after_the_substitute_Boxing_Day() =>
        Assert.Equal(At("2026-12-29T12:00+00:00"),
            London.DueAt(At("2026-12-24T16:00+00:00"), FaultCategory.P2, SupportPackage.Production));

    [Fact]
    public void A_P4_raised_on_New_Years_Eve_waits_over_New_Years_Day_and_the_weekend() =>
        Assert.Equal(At("2027-01-05T13:00+00:00"),
            London.DueAt(At("2026-12-31T13:00+00:00"), FaultCategory.P4, SupportPackage.Production));

    [Fact]
    public void On_Extended_Support_the_clock_stops_for_the_whole_of_Christmas_Day() =>
        Assert.Equal(At("2026-12-26T01:00+00:00"),
            London.DueAt(At("2026-12-24T23:00+00:00"), FaultCategory.P1, SupportPackage.Extended));

    [Fact]
    public void On_Extended_Support_the_clock_stops_for_the_whole_of_New_Years_Day() =>
        Assert.Equal(At("2027-01-02T07:30+00:00"),
            London.DueAt(At("2026-12-31T23:30+00:00"), FaultCategory.P3, SupportPackage.Extended));

    [Fact]
    public void Extended_Support_is_open_on_the_substitute_Boxing_Day_and_on_bank_holidays()
    {
        Assert.True(London.IsOpen(At("2026-12-28T03:00+00:00"), SupportPackage.Extended));
        Assert.True(London.IsOpen(At("2026-12-26T00:00+00:00"), SupportPackage.Extended));
        Assert.True(London.IsOpen(At("2026-04-06T10:00+01:00"), SupportPackage.Extended));
        Assert.False(London.IsOpen(At("2026-12-25T23:59:59+00:00"), SupportPackage.Extended));
        Assert.False(London.IsOpen(At("2027-01-01T00:00+00:00"), SupportPackage.Extended));
    }

    [Fact]
    public void Over_Christmas_and_New_Year_Extended_Support_loses_exactly_two_days() =>
        Assert.Equal(TimeSpan.FromDays(8),
            London.SupportTimeBetween(At("2026-12-24T00:00+00:00"), At("2027-01-03T00:00+00:00"), SupportPackage.Extended));

    [Fact]
    public void Over_Christmas_and_New_Year_Production_Support_is_open_only_on_the_four_working_days_left() =>
        // 24, 29, 30 and 31 December: 25 and 28 December and 1 January are bank holidays, the rest weekends.
        Assert.Equal(TimeSpan.FromHours(4 * 8),
            London.SupportTimeBetween(At("2026-12-24T00:00+00:00"), At("2027-01-03T00:00+00:00"), SupportPackage.Production));

    [Fact]
    public void A_P2_raised_on_the_Thursday_before_Easter_is_due_on_the_Tuesday_after_Easter_Monday() =>
        Assert.Equal(At("2026-04-07T12:00+01:00"),
            London.DueAt(At("2026-04-02T16:00+01:00"), FaultCategory.P2, SupportPackage.Production));

    [Fact]
    public void On_Extended_Support_Good_Friday_counts_like_any_other_day() =>
        Assert.Equal(At("2026-04-03T14:00+01:00"),
            London.DueAt(At("2026-04-03T10:00+01:00"), FaultCategory.P2, SupportPackage.Extended));

    [Fact]
    public void An_extra_holiday_closes_Production_Support_but_not_Extended_Support()
    {
        var calendar = new SupportCalendar(LondonZone, [Day("2026-06-15")]);
        var fridayAfternoon = At("2026-06-12T16:30+01:00");

        Assert.Equal(At("2026-06-16T10:30+01:00"), calendar.DueAt(fridayAfternoon, FaultCategory.P1, SupportPackage.Production));
        Assert.Equal(At("2026-06-15T10:30+01:00"), London.DueAt(fridayAfternoon, FaultCategory.P1, SupportPackage.Production));
        Assert.True(calendar.IsOpen(At("2026-06-15T12:00+01:00"), SupportPackage.Extended));
        Assert.False(calendar.IsWorkingDay(Day("2026-06-15")));
    }
}
