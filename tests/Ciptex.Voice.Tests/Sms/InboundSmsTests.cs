using System.Net;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Sms;

/// <summary>Texts to the support number (DryRun: what we send back out is simulated, never sent).</summary>
public sealed class InboundSmsTests : IAsyncLifetime
{
    private const string Path = "/twilio/sms/incoming";
    private const string OtherNumber = "+442079460999";
    private const string Service = "MG00000000000000000000000000000001";
    private readonly VoiceApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SUBSCRIBE_TWILIO_subscribes_the_sender_to_that_page_and_says_how_to_stop()
    {
        var reply = await TextAsync(Phone(1), "subscribe twilio");

        Assert.Equal("Ciptex Support: you will get a text for each Twilio status update. Text UNSUBSCRIBE TWILIO to stop.", reply);
        Assert.Equal([(Phone(1), "twilio", "sms")], (await SubscriptionsAsync()).Select(s => (s.Phone, s.PageKey, s.Source)));
    }

    [Fact]
    public async Task SUBSCRIBE_alone_subscribes_to_both_pages_once_however_often_Twilio_delivers_it()
    {
        await TextAsync(Phone(1), "SUBSCRIBE");
        await TextAsync(Phone(1), "SUBSCRIBE");
        await TextAsync(Phone(1), "Subscribe Twilio");

        Assert.Equal(["ciptex", "twilio"], (await SubscriptionsAsync()).Select(s => s.PageKey).Order());
    }

    [Fact]
    public async Task UNSUBSCRIBE_CIPTEX_leaves_that_page_only_and_is_not_an_opt_out()
    {
        await TextAsync(Phone(1), "SUBSCRIBE");

        var reply = await TextAsync(Phone(1), "unsubscribe ciptex");

        Assert.Equal("Ciptex Support: you will no longer get Ciptex status updates.", reply);
        Assert.Equal(["twilio"], (await SubscriptionsAsync()).Select(s => s.PageKey));
        Assert.False(await OptedOutAsync(Phone(1), SupportNumber));
    }

    [Theory]
    [InlineData("STOP", null)]
    [InlineData("unsubscribe", null)]
    [InlineData("Cancel.", null)]
    [InlineData("ARRET", "STOP")] // a custom keyword on a messaging service with Advanced Opt-Out
    public async Task An_opt_out_word_stops_our_texts_to_the_sender_and_leaves_the_reply_to_Twilio(string body, string? optOutType)
    {
        var reply = await TwimlAsync(Phone(1), body, extra: optOutType is null ? null : new() { ["OptOutType"] = optOutType });

        Assert.Empty(reply.Root!.Elements());
        Assert.True(await OptedOutAsync(Phone(1), SupportNumber));
        Assert.Equal(OutboundMessageStatus.OptedOut, await SendAsync(Phone(1)));
    }

    [Fact]
    public async Task START_after_STOP_lets_our_texts_through_again()
    {
        await TextAsync(Phone(1), "STOP");
        await TextAsync(Phone(1), "start");

        Assert.False(await OptedOutAsync(Phone(1), SupportNumber));
        Assert.Equal(OutboundMessageStatus.Simulated, await SendAsync(Phone(1)));
    }

    [Fact]
    public async Task A_STOP_sent_to_another_number_opts_out_of_that_number_only()
    {
        await TextAsync(Phone(1), "STOP", to: OtherNumber);

        Assert.True(await OptedOutAsync(Phone(1), OtherNumber));
        Assert.Equal(OutboundMessageStatus.Simulated, await SendAsync(Phone(1)));
    }

    [Fact]
    public async Task A_STOP_to_a_number_in_a_messaging_service_opts_out_of_the_service()
    {
        await TextAsync(Phone(1), "STOP", extra: new() { ["MessagingServiceSid"] = Service });

        Assert.True(await OptedOutAsync(Phone(1), Service));
        Assert.False(await OptedOutAsync(Phone(1), SupportNumber));
    }

    [Fact]
    public async Task SUBSCRIBE_from_an_opted_out_number_subscribes_it_and_says_to_text_START_first()
    {
        await TextAsync(Phone(1), "STOP");

        var reply = await TextAsync(Phone(1), "SUBSCRIBE CIPTEX");

        Assert.Contains("Text START first", reply);
        Assert.Equal(["ciptex"], (await SubscriptionsAsync()).Select(s => s.PageKey));
    }

    [Fact]
    public async Task STATUS_says_when_no_incidents_are_known()
    {
        Assert.Equal("Ciptex Support: no incidents are open on the Twilio or Ciptex status pages.", await TextAsync(Phone(1), "status"));
    }

    [Fact]
    public async Task TICKET_answers_with_the_senders_own_ticket_and_tells_anyone_else_none_was_found()
    {
        var reference = await _app.InScopeAsync(async s => (await s.GetRequiredService<TicketService>()
            .OpenAsync(new NewTicket(FaultCategory.P3, TicketChannel.Portal, null, Phone(1), Summary: "Calls drop"), default)).Reference);

        var own = await TextAsync(Phone(1), $"ticket {reference}");
        var latest = await TextAsync(Phone(1), "TICKET");
        var stranger = await TextAsync(Phone(2), $"TICKET {reference}");

        Assert.StartsWith($"Ciptex Support: {reference} (P3): open; first response due by", own);
        Assert.Equal(own, latest);
        Assert.Equal($"Ciptex Support: we could not find ticket {reference} for this number. Call +44 345 8800 808 for help.", stranger);
    }

    [Fact]
    public async Task ACK_from_the_on_call_phone_acknowledges_the_ticket_it_was_paged_about()
    {
        var reference = await _app.InScopeAsync(async s => (await s.GetRequiredService<TicketService>()
            .OpenAsync(new NewTicket(FaultCategory.P1, TicketChannel.Portal, null, Phone(1), Summary: "Every call fails"), default)).Reference);

        var reply = await TextAsync(VoiceApp.OnCallPhone, "ack");

        Assert.StartsWith($"Acknowledged {reference} (P1", reply);
        var ticket = await _app.QueryAsync(db => db.Set<Ticket>().SingleAsync(t => t.Reference == reference));
        Assert.NotNull(ticket.AcknowledgedAt);
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("what is going on?")]
    [InlineData("")]
    public async Task HELP_and_anything_else_get_the_help_text(string body)
    {
        var reply = await TextAsync(Phone(1), body);

        Assert.StartsWith("Ciptex Support: text SUBSCRIBE TWILIO or SUBSCRIBE CIPTEX", reply);
        Assert.InRange(SmsLength.Of(reply!).Segments, 1, 2);
    }

    [Fact]
    public async Task An_unsigned_inbound_text_is_refused_with_403_and_changes_nothing()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsync(Path, new FormUrlEncodedContent(Form(Phone(1), "SUBSCRIBE", SupportNumber, null)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await SubscriptionsAsync());
    }

    private async Task<string?> TextAsync(string from, string body, string to = SupportNumber, Dictionary<string, string>? extra = null) =>
        (await TwimlAsync(from, body, to, extra)).Root!.Element("Message")?.Value;

    private Task<System.Xml.Linq.XDocument> TwimlAsync(string from, string body, string to = SupportNumber, Dictionary<string, string>? extra = null) =>
        _app.Twilio().TwimlAsync(Path, Form(from, body, to, extra));

    /// <summary>A real inbound SMS (Fixtures/Twilio) from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private static Dictionary<string, string> Form(string from, string body, string to, Dictionary<string, string>? extra)
    {
        var form = QueryHelpers.ParseQuery(TwilioFake.Fixture("webhook-sms-inbound.THIRDPARTY.form")).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        (form["From"], form["To"], form["Body"]) = (from, to, body);
        foreach (var (key, value) in extra ?? [])
            form[key] = value;
        return form;
    }

    private Task<List<Subscription>> SubscriptionsAsync() => _app.QueryAsync(db => db.Set<Subscription>().OrderBy(s => s.Id).ToListAsync());

    private Task<bool> OptedOutAsync(string phone, string sender) =>
        _app.InScopeAsync(s => s.GetRequiredService<SmsConsent>().IsOptedOutAsync(phone, sender, default));

    /// <summary>Queues a text to <paramref name="to"/> and says what the dispatcher made of it.</summary>
    private async Task<OutboundMessageStatus> SendAsync(string to)
    {
        var key = $"probe:{Guid.NewGuid():N}";
        await _app.EnqueueAsync(new OutgoingSms(key, to, "A status update", "status-update"));
        await _app.DispatchAsync();
        return (await _app.MessageAsync(key)).Status;
    }
}
