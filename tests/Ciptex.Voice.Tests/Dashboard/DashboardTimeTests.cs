using Ciptex.Voice.Dashboard;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Tests.Sla;
using Ciptex.Voice.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>Breach colours: amber once half the first-response time has gone in support hours, red once due.</summary>
public sealed class DashboardTimeTests
{
    private static Ticket Ticket(FaultCategory category, string openedAt, SupportPackage package = SupportPackage.Production)
    {
        var opened = Calendars.At(openedAt);
        return new Ticket
        {
            Reference = "CIP-000001", Category = category, ClockPackage = package, OpenedAt = opened,
            FirstResponseDueAt = Calendars.London.DueAt(opened, category, package),
        };
    }

    private static DashboardTime At(string now) => new(Calendars.London, new FakeTimeProvider(Calendars.At(now)));

    [Theory]
    [InlineData("2026-11-26T10:59:59+00:00", SlaState.OnTime)]
    [InlineData("2026-11-26T11:00:00+00:00", SlaState.AtRisk)]
    [InlineData("2026-11-26T11:59:59+00:00", SlaState.AtRisk)]
    [InlineData("2026-11-26T12:00:00+00:00", SlaState.Breached)]
    public void A_P1_opened_at_ten_is_amber_from_eleven_and_red_from_midday(string now, SlaState expected) =>
        Assert.Equal(expected, At(now).State(Ticket(FaultCategory.P1, "2026-11-26T10:00:00+00:00")));

    [Fact]
    public void Half_the_time_is_counted_in_support_hours_so_a_night_does_not_turn_a_ticket_amber()
    {
        // P3, 8 support hours from Thursday 16:00: due Friday 16:00; 4 hours gone at Friday 12:00.
        var ticket = Ticket(FaultCategory.P3, "2026-11-26T16:00:00+00:00");

        Assert.Equal(Calendars.At("2026-11-27T16:00:00+00:00"), ticket.FirstResponseDueAt);
        Assert.Equal(Calendars.At("2026-11-27T12:00:00+00:00"), At("2026-11-27T09:00:00+00:00").AtRiskFrom(ticket));
        Assert.Equal(SlaState.OnTime, At("2026-11-27T11:59:00+00:00").State(ticket));
        Assert.Equal(SlaState.AtRisk, At("2026-11-27T12:00:00+00:00").State(ticket));
    }

    [Fact]
    public void A_first_response_settles_the_state_for_good()
    {
        var ticket = Ticket(FaultCategory.P1, "2026-11-26T10:00:00+00:00");
        var later = At("2026-11-30T10:00:00+00:00");

        ticket.FirstRespondedAt = Calendars.At("2026-11-26T11:30:00+00:00");
        Assert.Equal(SlaState.Met, later.State(ticket));
        ticket.FirstRespondedAt = Calendars.At("2026-11-26T12:30:00+00:00");
        Assert.Equal(SlaState.Missed, later.State(ticket));
    }

    [Theory]
    [InlineData("2026-11-26T10:00:00+00:00", "2 h 00 min left")]
    [InlineData("2026-11-26T11:58:30+00:00", "2 min left")]
    [InlineData("2026-11-26T12:20:00+00:00", "overdue by 20 min")]
    [InlineData("2026-11-28T13:00:00+00:00", "overdue by 2 d 1 h")]
    public void The_countdown_reads_in_days_hours_and_minutes(string now, string expected) =>
        Assert.Equal(expected, At(now).Countdown(Calendars.At("2026-11-26T12:00:00+00:00")));
}
