using Ciptex.Voice.Sla;
using static Ciptex.Voice.Tests.Sla.Calendars;

namespace Ciptex.Voice.Tests.Sla;

/// <summary>Open or closed, when we open and when we close: what the IVR tells a caller.</summary>
public class SupportHoursTests
{
    [Theory]
    [InlineData("2026-06-09T08:59:59+01:00", false)]
    [InlineData("2026-06-09T09:00+01:00", true)]
    [InlineData("2026-06-09T16:59:59+01:00", true)]
    [InlineData("2026-06-09T17:00+01:00", false)]
    [InlineData("2026-06-06T12:00+01:00", false)] // Saturday
    public void Production_Support_is_open_from_nine_until_just_before_five_on_weekdays(string at, bool open) =>
        Assert.Equal(open, London.IsOpen(At(at), SupportPackage.Production));

    [Theory]
    [InlineData("2026-06-06T03:00+01:00")]
    [InlineData("2026-06-07T23:59:59+01:00")]
    [InlineData("2026-06-09T17:00+01:00")]
    public void Extended_Support_is_open_at_night_and_at_weekends(string at) =>
        Assert.True(London.IsOpen(At(at), SupportPackage.Extended));

    [Fact]
    public void Out_of_hours_on_Friday_evening_the_next_opening_is_nine_on_Monday() =>
        Assert.Equal(At("2026-06-08T09:00+01:00"), London.NextOpening(At("2026-06-05T17:00+01:00"), SupportPackage.Production));

    [Fact]
    public void When_support_is_open_the_next_opening_is_now_in_UTC()
    {
        var next = London.NextOpening(At("2026-06-09T11:15+01:00"), SupportPackage.Production);

        Assert.Equal(At("2026-06-09T10:15+00:00"), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void While_open_the_caller_is_told_we_close_at_five() =>
        Assert.Equal(At("2026-06-09T17:00+01:00"), London.ClosesAt(At("2026-06-09T11:15+01:00"), SupportPackage.Production));

    [Fact]
    public void While_closed_there_is_no_closing_time() =>
        Assert.Null(London.ClosesAt(At("2026-06-09T17:00+01:00"), SupportPackage.Production));

    [Fact]
    public void Extended_Support_closes_at_the_midnight_that_starts_Christmas_Day() =>
        Assert.Equal(At("2026-12-25T00:00+00:00"), London.ClosesAt(At("2026-12-20T10:00+00:00"), SupportPackage.Extended));

    [Fact]
    public void No_support_time_passes_between_an_instant_and_an_earlier_one()
    {
        Assert.Equal(TimeSpan.Zero, London.SupportTimeBetween(At("2026-06-09T12:00+01:00"), At("2026-06-09T10:00+01:00"), SupportPackage.Production));
        Assert.Equal(TimeSpan.Zero, London.SupportTimeBetween(At("2026-06-09T12:00+01:00"), At("2026-06-09T12:00+01:00"), SupportPackage.Extended));
    }

    [Fact]
    public void A_full_working_week_holds_forty_hours_of_Production_Support() =>
        Assert.Equal(TimeSpan.FromHours(40),
            London.SupportTimeBetween(At("2026-06-06T00:00+01:00"), At("2026-06-13T00:00+01:00"), SupportPackage.Production));

    [Fact]
    public void Adding_no_support_time_out_of_hours_leaves_the_instant_where_it_was() =>
        Assert.Equal(At("2026-06-06T12:00+01:00"), London.AddSupportTime(At("2026-06-06T12:00+01:00"), TimeSpan.Zero, SupportPackage.Production));

    [Fact]
    public void A_negative_duration_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            London.AddSupportTime(At("2026-06-09T12:00+01:00"), TimeSpan.FromMinutes(-1), SupportPackage.Production));

    [Fact]
    public void A_duration_that_would_end_after_year_9999_is_refused_at_once() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            London.AddSupportTime(At("2026-06-09T12:00+01:00"), TimeSpan.MaxValue, SupportPackage.Production));

    [Fact]
    public void Production_support_time_that_runs_past_year_9999_is_refused_rather_than_searched_for_ever() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            London.AddSupportTime(At("9000-01-01T00:00+00:00"), TimeSpan.FromDays(365 * 500), SupportPackage.Production));

    [Theory]
    [InlineData(SupportPackage.Production)]
    [InlineData(SupportPackage.Extended)]
    public void A_hundred_years_of_support_time_still_comes_back_and_measures_a_hundred_years(SupportPackage package)
    {
        var from = At("2026-06-09T12:00+01:00");
        var century = TimeSpan.FromDays(36525);

        var end = London.AddSupportTime(from, century, package);

        Assert.Equal(century, London.SupportTimeBetween(from, end, package));
        Assert.True(end - from > century);
    }

    [Fact]
    public void An_unknown_package_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => London.IsOpen(At("2026-06-09T12:00+01:00"), (SupportPackage)7));

    [Fact]
    public void A_calendar_asked_as_the_clock_moves_on_and_back_answers_as_a_new_one_would()
    {
        // The calendar remembers the last window it found; every answer must still be the one worked out afresh.
        var calendar = new SupportCalendar(LondonZone, []);
        var instants = new List<DateTimeOffset>();
        for (var at = At("2026-06-05T08:00+01:00"); at < At("2026-06-08T10:00+01:00"); at = at.AddMinutes(37))
            instants.Add(at);
        instants.AddRange([At("2026-06-05T16:59:59+01:00"), At("2026-06-05T09:00+01:00"), At("2026-06-05T17:00+01:00"),
            At("2026-06-05T08:59:59+01:00"), At("2026-12-24T23:59:59+00:00"), At("2026-12-25T00:00+00:00"), At("2026-06-05T12:00+05:00")]);

        foreach (var at in instants)
        {
            foreach (var package in new[] { SupportPackage.Production, SupportPackage.Extended })
            {
                var fresh = new SupportCalendar(LondonZone, []);
                Assert.Equal(fresh.IsOpen(at, package), calendar.IsOpen(at, package));
                Assert.Equal(fresh.NextOpening(at, package), calendar.NextOpening(at, package));
                Assert.Equal(fresh.ClosesAt(at, package), calendar.ClosesAt(at, package));
            }
        }
    }
}
