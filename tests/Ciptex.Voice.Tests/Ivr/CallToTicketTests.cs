using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;

namespace Ciptex.Voice.Tests.Ivr;

public sealed class CallToTicketTests : IvrTestBase
{
    [Fact]
    public async Task A_known_caller_is_greeted_by_company_and_leaves_with_a_reference_a_due_time_and_a_text()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        Assert.Contains("Hello, Acme Retail.", call.Said);
        Assert.Contains("Press 2 for P2", call.Said);

        await call.PressAsync("2");
        Assert.Contains("Is a production service affected?", call.Said);
        await call.PressAsync("1");
        Assert.Contains("After the tone", call.Said);
        await call.RecordAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal((FaultCategory.P2, "Acme Retail", AcmeMobile), (ticket.Category, ticket.Customer?.Name, ticket.CallerNumber));
        Assert.Matches(@"^CIP-\d{6,}$", ticket.Reference);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), ticket.FirstResponseDueAt);
        Assert.Contains($"Your ticket reference is {TicketReferences.Spoken(ticket.Reference)}.", call.Said);
        Assert.Contains("an engineer will respond by 2 pm today", call.Said);
        Assert.Contains("We have sent these details to you by text message.", call.Said);
        Assert.True(call.HungUp);

        var text = Assert.Single(await TextsAsync());
        Assert.Equal((AcmeMobile, "ticket-confirmation"), (text.To, text.Purpose));
        Assert.Contains(ticket.Reference, text.Body);
        Assert.Contains("by 2 pm today", text.Body);
    }

    [Fact]
    public async Task An_unknown_number_is_asked_for_the_account_number_and_then_greeted_by_company()
    {
        var call = Call(StrangerMobile);
        await call.DialAsync();
        Assert.Contains("six digit Ciptex account number", call.Said);

        await call.PressAsync("100002");
        Assert.Contains("You are calling for Brightside Health.", call.Said);
        await call.PressAsync("3");
        await call.RecordAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal(("Brightside Health", FaultCategory.P3, SupportPackage.Extended), (ticket.Customer?.Name, ticket.Category, ticket.ClockPackage));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 18, 0, 0, TimeSpan.Zero), ticket.FirstResponseDueAt);
    }

    [Fact]
    public async Task After_three_unrecognised_account_numbers_the_caller_carries_on_unverified_on_business_hours()
    {
        var call = Call(StrangerMobile);
        await call.DialAsync();
        await call.PressAsync("999999");
        Assert.Contains("that account number was not recognised", call.Said);
        await call.SilenceAsync();
        Assert.Contains("I did not hear anything", call.Said);
        await call.PressAsync("12");
        Assert.Contains("We will carry on without it", call.Said);

        await call.PressAsync("4");
        await call.RecordAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Null(ticket.Customer);
        Assert.Equal((FaultCategory.P4, SupportPackage.Production), (ticket.Category, ticket.ClockPackage));
        // 16 hours of 09:00–17:00 support time from Thursday 10:00: Monday 10:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero), ticket.FirstResponseDueAt);
    }

    [Theory]
    [InlineData(new[] { "1", "1" }, FaultCategory.P1)]
    [InlineData(new[] { "2", "1" }, FaultCategory.P2)]
    [InlineData(new[] { "3" }, FaultCategory.P3)]
    [InlineData(new[] { "4" }, FaultCategory.P4)]
    [InlineData(new[] { "1", "2" }, FaultCategory.P3)]
    [InlineData(new[] { "2", "2" }, FaultCategory.P3)]
    public async Task Each_key_gives_its_category_and_a_P1_or_P2_without_production_impact_becomes_P3(string[] keys, FaultCategory expected)
    {
        await RaiseAsync(AcmeMobile, keys);

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal(expected, ticket.Category);
        Assert.Equal(SupportCalendarOf().DueAt(App.Time.GetUtcNow(), expected, SupportPackage.Production), ticket.FirstResponseDueAt);
    }

    [Fact]
    public async Task A_P1_in_hours_texts_the_on_call_engineer_at_once_and_records_the_escalation()
    {
        await RaiseAsync(AcmeMobile, "1", "1");

        var ticket = Assert.Single(await TicketsAsync());
        var page = Assert.Single(await TextsAsync(), m => m.Purpose == "escalation");
        Assert.Equal((VoiceApp.OnCallPhone, MessagePriority.UrgentPage), (page.To, page.Priority));
        Assert.Contains($"{ticket.Reference} P1 Business Critical for Acme Retail", page.Body);
        Assert.Contains($"Reply ACK {ticket.Reference}", page.Body);
        Assert.Equal(1, Assert.Single(ticket.Escalations).Level);
    }

    [Fact]
    public async Task A_landline_caller_gets_a_ticket_but_no_text()
    {
        var call = await RaiseAsync(AcmeLandline, "3");

        Assert.Single(await TicketsAsync());
        Assert.Empty(await TextsAsync());
        Assert.DoesNotContain("sent these details to you by text", call.Said);
    }

    [Fact]
    public async Task Twilio_retrying_the_record_action_creates_one_ticket_and_one_text()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("3");
        var recordAction = call.ActionOf("Record");
        await call.RecordAsync();
        var firstReadBack = call.Said;

        using var retried = await call.CallbackAsync(recordAction, new()
        {
            ["RecordingSid"] = "RE00000000000000000000000000000001", ["RecordingDuration"] = "20",
            ["RecordingUrl"] = $"https://api.twilio.com/2010-04-01/Accounts/{VoiceApp.AccountSid}/Recordings/RE00000000000000000000000000000001",
        });
        var again = await TwilioWebhooks.ReadTwimlAsync(retried);

        Assert.Single(await TicketsAsync());
        Assert.Single(await TextsAsync());
        Assert.Equal(firstReadBack, string.Join(" ", again.Descendants("Say").Select(x => x.Value)));
    }

    [Fact]
    public async Task Recording_and_transcription_callbacks_attach_to_the_ticket_whichever_arrives_first()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("3");
        await call.CallbackAsync("/twilio/voice/transcription", new()
        {
            ["TranscriptionText"] = "Our inbound calls are failing since nine.", ["TranscriptionStatus"] = "completed",
            ["RecordingSid"] = "RE00000000000000000000000000000001",
        });
        await call.RecordAsync();
        var second = await RaiseAsync(BrightsideMobile, "4");
        await second.CallbackAsync("/twilio/voice/transcription", new()
        {
            ["TranscriptionText"] = "Please send the API docs.", ["TranscriptionStatus"] = "completed",
        });

        var tickets = await TicketsAsync();
        Assert.Equal("Our inbound calls are failing since nine.", tickets[0].Transcription);
        Assert.Equal("Please send the API docs.", tickets[1].Transcription);
        Assert.All(tickets, t => Assert.StartsWith("https://api.twilio.com/", t.RecordingUrl));
    }

    [Fact]
    public async Task A_caller_who_stays_silent_at_the_tone_three_times_still_gets_a_ticket_and_a_call_back()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("3");
        await call.SilenceAsync();
        Assert.Contains("I did not hear anything", call.Said);
        await call.SilenceAsync();
        await call.SilenceAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Null(ticket.RecordingUrl);
        Assert.Contains("an engineer will call you back for the details", call.Said);
    }

    private SupportCalendar SupportCalendarOf() =>
        (SupportCalendar)App.Services.GetService(typeof(SupportCalendar))!;
}
