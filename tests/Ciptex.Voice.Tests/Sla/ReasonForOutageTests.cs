using Ciptex.Voice.Sla;
using static Ciptex.Voice.Tests.Sla.Calendars;

namespace Ciptex.Voice.Tests.Sla;

/// <summary>"The Ciptex RFO lead time is 10 working days": due at 17:00 local on the tenth working day after the request.</summary>
public class ReasonForOutageTests
{
    [Fact]
    public void An_RFO_requested_on_a_Monday_is_due_at_five_on_the_Monday_two_weeks_later() =>
        Assert.Equal(At("2026-06-15T17:00+01:00"), London.RfoDueAt(At("2026-06-01T08:00+01:00")));

    [Fact]
    public void An_RFO_requested_before_the_early_May_bank_holiday_is_due_a_day_later_for_it() =>
        // 23 April is working day 1; Monday 4 May is skipped, so day 10 is Thursday 7 May.
        Assert.Equal(At("2026-05-07T17:00+01:00"), London.RfoDueAt(At("2026-04-22T14:00+01:00")));

    [Fact]
    public void An_RFO_requested_before_Christmas_skips_three_bank_holidays() =>
        Assert.Equal(At("2027-01-06T17:00+00:00"), London.RfoDueAt(At("2026-12-18T10:00+00:00")));

    [Fact]
    public void An_RFO_requested_at_a_weekend_counts_from_the_Monday() =>
        Assert.Equal(At("2026-06-19T17:00+01:00"), London.RfoDueAt(At("2026-06-06T11:00+01:00")));

    [Fact]
    public void The_day_of_the_request_is_the_local_day_not_the_UTC_day() =>
        // 00:30 BST on Wednesday 10 June is still Tuesday in UTC.
        Assert.Equal(At("2026-06-24T17:00+01:00"), London.RfoDueAt(At("2026-06-09T23:30+00:00")));

    [Fact]
    public void An_extra_holiday_pushes_the_RFO_back_a_working_day()
    {
        var calendar = new SupportCalendar(LondonZone, [Day("2026-06-10")]);

        Assert.Equal(At("2026-06-16T17:00+01:00"), calendar.RfoDueAt(At("2026-06-01T08:00+01:00")));
    }

    [Fact]
    public void The_author_is_reminded_at_nine_two_working_days_before_the_RFO_is_due() =>
        Assert.Equal(At("2026-05-05T09:00+01:00"), London.RfoReminderAt(At("2026-05-07T17:00+01:00")));

    [Fact]
    public void A_reminder_for_an_RFO_due_after_Christmas_counts_back_past_the_bank_holidays() =>
        // Due Tuesday 29 December: Thursday 24 is one working day before, Wednesday 23 is two.
        Assert.Equal(At("2026-12-23T09:00+00:00"), London.RfoReminderAt(At("2026-12-29T17:00+00:00")));

    [Theory]
    [InlineData("2026-12-29", -2, "2026-12-23")]
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2026-12-24", 0, "2026-12-24")]
    [InlineData("2026-12-26", 0, "2026-12-26")]
    [InlineData("2026-04-02", 1, "2026-04-07")]
    [InlineData("2026-04-07", -1, "2026-04-02")]
    public void Working_days_are_counted_past_weekends_and_bank_holidays(string day, int workingDays, string expected) =>
        Assert.Equal(Day(expected), London.AddWorkingDays(Day(day), workingDays));
}
