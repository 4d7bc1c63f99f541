using Ciptex.Voice.Sla;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Ivr;

/// <summary>Friday 27 November 2026, 18:00 in London: Production Support has closed for the weekend.</summary>
public sealed class OutOfHoursTests() : IvrTestBase(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task A_production_customer_calling_after_hours_hears_when_we_open()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();

        Assert.Contains("Our support hours are 9 am to 5 pm, Monday to Friday", call.Said);
        Assert.Contains("We open again at 9 am on Monday 30 November.", call.Said);
        ApprovedTwiml.AssertMatches("incoming-known-caller-out-of-hours", call.Twiml);
    }

    [Fact]
    public async Task A_P1_out_of_hours_that_accepts_charges_is_worked_at_once_and_pages_on_call()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("1");
        await call.PressAsync("1");
        Assert.Contains("chargeable out of hours support", call.Said);
        ApprovedTwiml.AssertMatches("confirm-chargeable", call.Twiml);

        await call.PressAsync("1");
        await call.RecordAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.True(ticket.Chargeable);
        Assert.Equal((FaultCategory.P1, SupportPackage.Extended), (ticket.Category, ticket.ClockPackage));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero), ticket.FirstResponseDueAt);
        Assert.Contains("respond by 8 pm today", call.Said);
        Assert.Contains(await TextsAsync(), m => m.Purpose == "escalation" && m.To == VoiceApp.OnCallPhone);
    }

    [Fact]
    public async Task A_P1_out_of_hours_that_declines_charges_waits_for_Monday_morning()
    {
        await RaiseAsync(AcmeMobile, "1", "1", "2");

        var ticket = Assert.Single(await TicketsAsync());
        Assert.False(ticket.Chargeable);
        Assert.Equal(SupportPackage.Production, ticket.ClockPackage);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.Zero), ticket.FirstResponseDueAt);
    }

    [Fact]
    public async Task A_P2_out_of_hours_is_not_asked_about_charges()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("2");
        await call.PressAsync("1");

        Assert.Contains("After the tone", call.Said);
        Assert.DoesNotContain("chargeable", call.Said);
    }

    [Fact]
    public async Task An_extended_support_customer_is_open_on_a_Friday_evening_and_a_P1_is_due_two_hours_later()
    {
        var call = Call(BrightsideMobile);
        await call.DialAsync();
        Assert.DoesNotContain("We open again", call.Said);
        await call.PressAsync("1");
        await call.PressAsync("1");
        Assert.DoesNotContain("chargeable", call.Said);
        await call.RecordAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.False(ticket.Chargeable);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 20, 0, 0, TimeSpan.Zero), ticket.FirstResponseDueAt);
    }
}

/// <summary>Christmas Day 2026: even Extended Support is closed.</summary>
public sealed class ChristmasDayTests() : IvrTestBase(new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task An_extended_customer_on_Christmas_Day_hears_we_open_on_Boxing_Day_and_the_P1_clock_starts_then()
    {
        var call = Call(BrightsideMobile);
        await call.DialAsync();
        Assert.Contains("Our support desk is closed today. We open again at midnight tomorrow.", call.Said);
        await call.PressAsync("1");
        await call.PressAsync("1");
        Assert.DoesNotContain("chargeable", call.Said);
        await call.RecordAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 26, 2, 0, 0, TimeSpan.Zero), ticket.FirstResponseDueAt);
        Assert.Contains("respond by 2 am tomorrow", call.Said);
    }
}
