using System.Net.Http.Json;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tests.Escalation;

/// <summary>Engineers saying "mine" by text: <c>ACK CIP-000123</c> to the support number.</summary>
public sealed class AckBySmsTests() : EscalationTestBase(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task ACK_with_a_reference_from_a_matrix_phone_acknowledges_it_and_silences_the_levels_before_breach()
    {
        var reference = await OpenAsync("P2");
        await CheckAtAsync(Utc(11, 26, 12));

        var reply = await TextAsync(VoiceApp.OnCallPhone, $"ack {reference.ToLowerInvariant()}");

        Assert.StartsWith($"Acknowledged {reference} (P2, Acme Retail).", reply);
        var ticket = await TicketAsync(reference);
        Assert.Equal(TicketStatus.Acknowledged, ticket.Status);
        Assert.Contains("On-call engineer", ticket.AcknowledgedBy);
        Assert.DoesNotContain("+447700900901", ticket.AcknowledgedBy);
        await CheckAtAsync(Utc(11, 26, 13, 30));
        Assert.Equal([VoiceApp.OnCallPhone], await PagedPhonesAsync());
        await CheckAtAsync(Utc(11, 26, 14));
        Assert.Equal([VoiceApp.OnCallPhone, VoiceApp.HeadOfSupportPhone], await PagedPhonesAsync());
    }

    [Fact]
    public async Task A_bare_ACK_means_the_latest_ticket_paged_to_that_phone()
    {
        var first = await OpenAsync("P1");
        var second = await OpenAsync("P1", accountNumber: "100002");

        var reply = await TextAsync(VoiceApp.OnCallPhone, "ACK");

        Assert.StartsWith($"Acknowledged {second}", reply);
        Assert.Null((await TicketAsync(first)).AcknowledgedAt);
        Assert.NotNull((await TicketAsync(second)).AcknowledgedAt);
    }

    [Fact]
    public async Task A_phone_that_is_not_on_the_matrix_is_refused_politely_and_nothing_changes()
    {
        var reference = await OpenAsync("P1");

        var reply = await TextAsync("+447700900123", $"ACK {reference}");

        Assert.Equal("Sorry, this number is not on the Ciptex escalation matrix, so it cannot acknowledge tickets.", reply);
        Assert.Null((await TicketAsync(reference)).AcknowledgedAt);
    }

    [Fact]
    public async Task An_unknown_reference_is_named_in_the_reply()
    {
        await OpenAsync("P1");

        var reply = await TextAsync(VoiceApp.TeamLeadPhone, "ACK CIP-424242");

        Assert.StartsWith("No ticket CIP-424242 was found.", reply);
    }

    [Fact]
    public async Task A_ticket_that_already_has_its_first_response_is_not_acknowledged_again()
    {
        var reference = await OpenAsync("P1");
        (await App.CreateApiClient().PostAsJsonAsync($"/api/tickets/{reference}/respond", new { })).EnsureSuccessStatusCode();

        var reply = await TextAsync(VoiceApp.OnCallPhone, $"ACK {reference}");

        Assert.Equal($"{reference} already has its first response; nothing more to acknowledge.", reply);
        Assert.Null((await TicketAsync(reference)).AcknowledgedAt);
    }

    private async Task<string?> TextAsync(string from, string body)
    {
        var twiml = await App.Twilio().TwimlAsync("/twilio/sms/incoming", new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = VoiceApp.AccountSid, ["From"] = from,
            ["To"] = "+443458800808", ["Body"] = body, ["NumMedia"] = "0", ["SmsStatus"] = "received", ["ApiVersion"] = "2010-04-01",
        });
        return twiml.Root!.Element("Message")?.Value;
    }

    private Task<Ticket> TicketAsync(string reference) => App.QueryAsync(db => db.Set<Ticket>().SingleAsync(t => t.Reference == reference));
}
