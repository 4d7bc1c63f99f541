using Ciptex.Voice.Sla;
using static Ciptex.Voice.Tests.Sla.Calendars;

namespace Ciptex.Voice.Tests.Sla;

/// <summary>The policy's response times, counted within support hours. June 2026 is British Summer Time (+01:00).</summary>
public class FirstResponseDueTimeTests
{
    [Theory]
    [InlineData(FaultCategory.P1, 2)]
    [InlineData(FaultCategory.P2, 4)]
    [InlineData(FaultCategory.P3, 8)]
    [InlineData(FaultCategory.P4, 16)]
    public void Each_category_has_the_response_time_of_the_policy(FaultCategory category, int hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), SupportCalendar.FirstResponseTarget(category));

    [Fact]
    public void A_P1_raised_at_half_past_four_on_Friday_is_due_at_half_past_ten_on_Monday_for_Production_Support() =>
        Assert.Equal(At("2026-06-08T10:30+01:00"),
            London.DueAt(At("2026-06-05T16:30+01:00"), FaultCategory.P1, SupportPackage.Production));

    [Fact]
    public void A_P1_raised_at_half_past_four_on_Friday_is_due_at_half_past_six_that_evening_for_Extended_Support() =>
        Assert.Equal(At("2026-06-05T18:30+01:00"),
            London.DueAt(At("2026-06-05T16:30+01:00"), FaultCategory.P1, SupportPackage.Extended));

    [Theory]
    [InlineData("2026-06-09T19:00+01:00", "2026-06-10T11:00+01:00")] // Tuesday evening
    [InlineData("2026-06-06T12:00+01:00", "2026-06-08T11:00+01:00")] // Saturday
    [InlineData("2026-06-07T23:59+01:00", "2026-06-08T11:00+01:00")] // Sunday, a minute before Monday
    [InlineData("2026-06-09T07:45+01:00", "2026-06-09T11:00+01:00")] // before opening
    [InlineData("2026-06-08T23:30+00:00", "2026-06-09T11:00+01:00")] // 00:30 Tuesday local, still Monday in UTC
    public void A_ticket_opened_out_of_hours_starts_its_clock_at_the_next_opening(string openedAt, string due) =>
        Assert.Equal(At(due), London.DueAt(At(openedAt), FaultCategory.P1, SupportPackage.Production));

    [Fact]
    public void A_ticket_opened_exactly_at_nine_has_its_whole_target_that_morning() =>
        Assert.Equal(At("2026-06-09T11:00+01:00"),
            London.DueAt(At("2026-06-09T09:00+01:00"), FaultCategory.P1, SupportPackage.Production));

    [Fact]
    public void A_ticket_opened_exactly_at_five_is_out_of_hours_and_waits_for_the_next_morning() =>
        Assert.Equal(At("2026-06-10T11:00+01:00"),
            London.DueAt(At("2026-06-09T17:00+01:00"), FaultCategory.P1, SupportPackage.Production));

    [Fact]
    public void A_ticket_opened_a_minute_before_five_gets_that_minute_and_the_rest_the_next_morning() =>
        Assert.Equal(At("2026-06-10T10:59+01:00"),
            London.DueAt(At("2026-06-09T16:59+01:00"), FaultCategory.P1, SupportPackage.Production));

    [Fact]
    public void A_P4_opened_before_Monday_opening_uses_two_whole_working_days_and_is_due_at_Tuesday_closing() =>
        Assert.Equal(At("2026-06-09T17:00+01:00"),
            London.DueAt(At("2026-06-08T08:00+01:00"), FaultCategory.P4, SupportPackage.Production));

    [Fact]
    public void A_P4_opened_late_on_Monday_spans_the_whole_of_Tuesday_and_is_due_on_Wednesday_afternoon() =>
        Assert.Equal(At("2026-06-10T16:00+01:00"),
            London.DueAt(At("2026-06-08T16:00+01:00"), FaultCategory.P4, SupportPackage.Production));

    [Fact]
    public void A_P4_on_Extended_Support_is_due_sixteen_hours_later_through_the_night() =>
        Assert.Equal(At("2026-06-09T08:00+01:00"),
            London.DueAt(At("2026-06-08T16:00+01:00"), FaultCategory.P4, SupportPackage.Extended));

    [Fact]
    public void A_P2_opened_at_four_on_Friday_reaches_half_its_target_at_ten_on_Monday()
    {
        var openedAt = At("2026-06-05T16:00+01:00");
        var half = SupportCalendar.FirstResponseTarget(FaultCategory.P2) / 2;

        Assert.Equal(At("2026-06-08T10:00+01:00"), London.AddSupportTime(openedAt, half, SupportPackage.Production));
        Assert.Equal(half, London.SupportTimeBetween(openedAt, At("2026-06-08T10:00+01:00"), SupportPackage.Production));
    }

    [Fact]
    public void Due_times_come_back_in_UTC_whatever_offset_the_ticket_was_opened_with()
    {
        var due = London.DueAt(At("2026-06-09T10:00+05:30"), FaultCategory.P1, SupportPackage.Production);

        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(At("2026-06-09T10:00+00:00"), due); // 04:30Z is before the 08:00Z opening
    }
}
