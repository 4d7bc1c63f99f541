using Ciptex.Voice.Sla;
using static Ciptex.Voice.Tests.Sla.Calendars;

namespace Ciptex.Voice.Tests.Sla;

/// <summary>
/// The UK clocks go forward at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on Sunday 25 October 2026.
/// Support time is real elapsed time; only the window edges follow the local clock (PITFALLS: clock changes).
/// </summary>
public class ClockChangeTests
{
    [Fact]
    public void A_P3_on_Extended_Support_opened_the_night_the_clocks_go_forward_is_due_eight_real_hours_later() =>
        Assert.Equal(At("2026-03-29T07:00+01:00"), // 06:00 UTC: the wall clock shows 9 hours later
            London.DueAt(At("2026-03-28T22:00+00:00"), FaultCategory.P3, SupportPackage.Extended));

    [Fact]
    public void A_P3_on_Extended_Support_opened_the_night_the_clocks_go_back_is_due_eight_real_hours_later() =>
        Assert.Equal(At("2026-10-25T05:00+00:00"), // the wall clock shows 7 hours later
            London.DueAt(At("2026-10-24T22:00+01:00"), FaultCategory.P3, SupportPackage.Extended));

    [Fact]
    public void The_Extended_Support_day_the_clocks_go_forward_lasts_twenty_three_hours() =>
        Assert.Equal(TimeSpan.FromHours(23),
            London.SupportTimeBetween(At("2026-03-29T00:00+00:00"), At("2026-03-30T00:00+01:00"), SupportPackage.Extended));

    [Fact]
    public void The_Extended_Support_day_the_clocks_go_back_lasts_twenty_five_hours() =>
        Assert.Equal(TimeSpan.FromHours(25),
            London.SupportTimeBetween(At("2026-10-25T00:00+01:00"), At("2026-10-26T00:00+00:00"), SupportPackage.Extended));

    [Theory]
    [InlineData("2026-03-27T08:59+00:00", false)] // Friday, GMT
    [InlineData("2026-03-27T09:00+00:00", true)]
    [InlineData("2026-03-27T16:59+00:00", true)]
    [InlineData("2026-03-30T07:59+00:00", false)] // Monday, BST: 08:59 local
    [InlineData("2026-03-30T08:00+00:00", true)]  // 09:00 local
    [InlineData("2026-03-30T15:59+00:00", true)]
    [InlineData("2026-03-30T16:00+00:00", false)] // 17:00 local
    [InlineData("2026-10-23T08:00+00:00", true)]  // Friday, BST
    [InlineData("2026-10-23T16:00+00:00", false)]
    [InlineData("2026-10-26T08:30+00:00", false)] // Monday, GMT
    [InlineData("2026-10-26T16:30+00:00", true)]
    public void Production_Support_keeps_local_hours_on_both_sides_of_a_clock_change(string at, bool open) =>
        Assert.Equal(open, London.IsOpen(At(at), SupportPackage.Production));

    [Fact]
    public void A_P4_opened_on_the_Friday_before_the_clocks_go_forward_is_due_at_five_local_on_Monday() =>
        Assert.Equal(At("2026-03-30T17:00+01:00"),
            London.DueAt(At("2026-03-27T09:00+00:00"), FaultCategory.P4, SupportPackage.Production));

    [Fact]
    public void A_P2_opened_on_the_Friday_before_the_clocks_go_back_is_due_at_eleven_local_on_Monday() =>
        Assert.Equal(At("2026-10-26T11:00+00:00"),
            London.DueAt(At("2026-10-23T15:00+01:00"), FaultCategory.P2, SupportPackage.Production));

    [Fact]
    public void Production_support_time_over_a_weekend_with_a_clock_change_counts_only_the_two_windows() =>
        Assert.Equal(TimeSpan.FromHours(11),
            London.SupportTimeBetween(At("2026-03-27T09:00+00:00"), At("2026-03-30T12:00+01:00"), SupportPackage.Production));

    [Fact]
    public void With_Etc_GMT_support_hours_stay_on_GMT_in_summer()
    {
        Assert.True(StrictGmt.IsOpen(At("2026-07-01T16:30+00:00"), SupportPackage.Production));
        Assert.False(StrictGmt.IsOpen(At("2026-07-01T08:30+00:00"), SupportPackage.Production));
        Assert.False(London.IsOpen(At("2026-07-01T16:30+00:00"), SupportPackage.Production));
        Assert.True(London.IsOpen(At("2026-07-01T08:30+00:00"), SupportPackage.Production));
    }

    [Fact]
    public void A_P1_at_three_UTC_in_summer_is_due_at_five_UTC_on_strict_GMT_but_next_morning_on_UK_time()
    {
        var openedAt = At("2026-07-01T15:00+00:00");

        Assert.Equal(At("2026-07-01T17:00+00:00"), StrictGmt.DueAt(openedAt, FaultCategory.P1, SupportPackage.Production));
        Assert.Equal(At("2026-07-02T09:00+00:00"), London.DueAt(openedAt, FaultCategory.P1, SupportPackage.Production));
    }

    [Fact]
    public void A_day_whose_midnight_was_skipped_starts_at_the_jump_and_lasts_twenty_three_hours()
    {
        // São Paulo went from 00:00 straight to 01:00 on 4 November 2018.
        var saoPaulo = new SupportCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"), []);

        Assert.Equal(At("2018-11-04T03:00+00:00"), saoPaulo.TimeZone.InstantOf(Day("2018-11-04"), TimeOnly.MinValue));
        Assert.Equal(TimeSpan.FromHours(23),
            saoPaulo.SupportTimeBetween(At("2018-11-04T03:00+00:00"), At("2018-11-05T02:00+00:00"), SupportPackage.Extended));
        Assert.False(saoPaulo.IsOpen(At("2018-11-04T02:59:59+00:00"), SupportPackage.Production));
    }

    [Fact]
    public void A_clock_change_inside_the_support_day_makes_that_window_seven_real_hours()
    {
        var calendar = new SupportCalendar(ZoneChangingClocksAt(new TimeOnly(12, 0)), []);

        Assert.Equal(TimeSpan.FromHours(7),
            calendar.SupportTimeBetween(At("2026-04-01T00:00+00:00"), At("2026-04-02T00:00+00:00"), SupportPackage.Production));
        Assert.Equal(At("2026-04-01T16:00+00:00"), calendar.ClosesAt(At("2026-04-01T10:00+00:00"), SupportPackage.Production));
    }

    [Fact]
    public void When_the_clocks_jump_over_nine_the_window_opens_at_the_jump()
    {
        // Clocks go from 08:30 straight to 09:30: the first moment the clock reads nine or later is 08:30 UTC.
        var calendar = new SupportCalendar(ZoneChangingClocksAt(new TimeOnly(8, 30)), []);

        Assert.False(calendar.IsOpen(At("2026-04-01T08:29:59+00:00"), SupportPackage.Production));
        Assert.True(calendar.IsOpen(At("2026-04-01T08:30+00:00"), SupportPackage.Production));
    }

    [Fact]
    public void When_the_clocks_go_back_over_five_the_window_closes_the_first_time_the_clock_reads_five()
    {
        // Clocks go back from 17:30 summer time to 16:30 on Thursday 1 October, so 17:00 is read twice.
        var calendar = new SupportCalendar(ZoneChangingClocksAt(new TimeOnly(12, 0), backAt: new TimeOnly(17, 30)), []);

        Assert.Equal(At("2026-10-01T16:00+00:00"), calendar.ClosesAt(At("2026-10-01T10:00+00:00"), SupportPackage.Production));
        Assert.Equal(TimeSpan.FromHours(8),
            calendar.SupportTimeBetween(At("2026-10-01T00:00+00:00"), At("2026-10-02T00:00+00:00"), SupportPackage.Production));
    }

    /// <summary>A zone on UTC whose clocks go forward an hour on 1 April at <paramref name="forwardAt"/> and back on 1 October.</summary>
    private static TimeZoneInfo ZoneChangingClocksAt(TimeOnly forwardAt, TimeOnly? backAt = null)
    {
        var back = backAt ?? new TimeOnly(12, 0);
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2020, 1, 1), new DateTime(2030, 12, 31), TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, forwardAt.Hour, forwardAt.Minute, 0), 4, 1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, back.Hour, back.Minute, 0), 10, 1));
        return TimeZoneInfo.CreateCustomTimeZone("Test/Changes", TimeSpan.Zero, "Test changes", "Standard", "Summer", [rule]);
    }
}
