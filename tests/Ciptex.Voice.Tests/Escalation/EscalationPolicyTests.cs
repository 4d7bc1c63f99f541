using Ciptex.Voice.Escalation;
using Ciptex.Voice.Sla;

namespace Ciptex.Voice.Tests.Escalation;

public sealed class EscalationPolicyTests
{
    private static readonly MatrixLevel[] Levels =
    [
        new(1, "On-call engineer", ["+447700900901"], 0.5),
        new(2, "Team lead", ["+447700900902"], 0.75),
        new(3, "Head of support", ["+447700900903"], 1.0),
    ];

    [Theory]
    [InlineData(0.49, new int[0])]
    [InlineData(0.5, new[] { 1 })]
    [InlineData(0.8, new[] { 1, 2 })]
    [InlineData(1.0, new[] { 1, 2, 3 })]
    [InlineData(7.5, new[] { 1, 2, 3 })]
    public void Each_level_is_due_once_its_share_of_the_target_has_elapsed(double fraction, int[] expected) =>
        Assert.Equal(expected, EscalationPolicy.LevelsDue(Clock(FaultCategory.P3, fraction), Levels));

    [Fact]
    public void Levels_already_sent_are_never_due_again() =>
        Assert.Equal([3], EscalationPolicy.LevelsDue(Clock(FaultCategory.P3, 1.2, sent: [1, 2]), Levels));

    [Fact]
    public void A_P1_is_due_for_level_one_at_once() =>
        Assert.Equal([1], EscalationPolicy.LevelsDue(Clock(FaultCategory.P1, 0), Levels));

    [Fact]
    public void An_acknowledgement_silences_levels_below_breach_only() =>
        Assert.Equal([3], EscalationPolicy.LevelsDue(Clock(FaultCategory.P2, 1.0, acknowledged: true), Levels));

    [Fact]
    public void A_first_response_silences_every_level() =>
        Assert.Empty(EscalationPolicy.LevelsDue(Clock(FaultCategory.P1, 3, responded: true), Levels));

    [Fact]
    public void Elapsed_support_time_is_counted_on_the_tickets_calendar()
    {
        var calendar = new SupportCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), []);
        var friday4pm = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);
        var monday10am = new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(0.5, EscalationPolicy.ElapsedFraction(calendar, friday4pm, monday10am, FaultCategory.P2, SupportPackage.Production), 6);
        Assert.Equal(16.5, EscalationPolicy.ElapsedFraction(calendar, friday4pm, monday10am, FaultCategory.P2, SupportPackage.Extended), 6);
    }

    private static TicketClock Clock(FaultCategory category, double fraction, bool acknowledged = false, bool responded = false, int[]? sent = null) =>
        new(category, fraction, acknowledged, responded, (sent ?? []).ToHashSet());
}
