using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Escalation;

/// <summary>Levels at 50%, 75% and 100% of the first-response target, counted in support time only.</summary>
public sealed class EscalationTimingTests() : EscalationTestBase(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
{
    private const string OnCall = VoiceApp.OnCallPhone, Lead = VoiceApp.TeamLeadPhone, Head = VoiceApp.HeadOfSupportPhone;

    [Fact]
    public async Task A_P2_opened_on_Friday_at_four_on_Production_Support_reaches_half_time_on_Monday_at_ten_not_that_evening()
    {
        await OpenAsync("P2", openedAt: Utc(11, 27, 16));

        await CheckAtAsync(Utc(11, 27, 17, 59));
        await CheckAtAsync(Utc(11, 28, 12));
        await CheckAtAsync(Utc(11, 30, 9, 59));
        Assert.Empty(await PagesAsync());

        await CheckAtAsync(Utc(11, 30, 10));
        Assert.Equal([OnCall], await PagedPhonesAsync());
        await CheckAtAsync(Utc(11, 30, 11));
        await CheckAtAsync(Utc(11, 30, 12));
        await CheckAtAsync(Utc(11, 30, 12, 30));
        Assert.Equal([OnCall, Lead, Head], await PagedPhonesAsync());
    }

    [Fact]
    public async Task The_same_P2_on_Extended_Support_reaches_half_time_at_six_that_evening()
    {
        await OpenAsync("P2", accountNumber: "100002", openedAt: Utc(11, 27, 16));

        await CheckAtAsync(Utc(11, 27, 17, 59));
        Assert.Empty(await PagesAsync());
        await CheckAtAsync(Utc(11, 27, 18));
        Assert.Equal([OnCall], await PagedPhonesAsync());
    }

    [Fact]
    public async Task Christmas_and_the_substitute_Boxing_Day_do_not_count_towards_a_Production_ticket()
    {
        // P3 (8 h) opened Thursday 24 December at 16:00: one hour that day, then nothing until Tuesday 29 December.
        await OpenAsync("P3", openedAt: Utc(12, 24, 16));

        await CheckAtAsync(Utc(12, 29, 11, 59));
        Assert.Empty(await PagesAsync());
        await CheckAtAsync(Utc(12, 29, 12));
        Assert.Equal([OnCall], await PagedPhonesAsync());
    }

    [Fact]
    public async Task Extended_Support_stops_the_clock_for_the_whole_of_Christmas_Day()
    {
        // P2 (4 h) opened Thursday 24 December at 22:00: two hours that evening, the other two from 26 December.
        await OpenAsync("P2", accountNumber: "100002", openedAt: Utc(12, 24, 22));

        await CheckAtAsync(Utc(12, 24, 23, 59));
        Assert.Empty(await PagesAsync());
        await CheckAtAsync(Utc(12, 25, 0));
        await CheckAtAsync(Utc(12, 26, 0, 59));
        Assert.Equal([OnCall], await PagedPhonesAsync());
        await CheckAtAsync(Utc(12, 26, 1));
        Assert.Equal([OnCall, Lead], await PagedPhonesAsync());
    }

    [Fact]
    public async Task Across_the_spring_clock_change_a_Production_window_stays_nine_to_five_local()
    {
        // P2 opened Friday 27 March 16:00 GMT; Monday 30 March opens at 09:00 BST = 08:00 UTC; half time is 09:00 UTC.
        await OpenAsync("P2", openedAt: Utc(3, 27, 16));

        await CheckAtAsync(Utc(3, 30, 8, 59));
        Assert.Empty(await PagesAsync());
        await CheckAtAsync(Utc(3, 30, 9));
        Assert.Equal([OnCall], await PagedPhonesAsync());
    }

    [Fact]
    public async Task Across_the_autumn_clock_change_an_Extended_ticket_counts_the_extra_hour()
    {
        // P3 opened Saturday 24 October 22:00 UTC (23:00 BST); four real hours later is 02:00 UTC, after the change.
        await OpenAsync("P3", accountNumber: "100002", openedAt: Utc(10, 24, 22));

        await CheckAtAsync(Utc(10, 25, 1, 59));
        Assert.Empty(await PagesAsync());
        await CheckAtAsync(Utc(10, 25, 2));
        Assert.Equal([OnCall], await PagedPhonesAsync());
    }
}
