using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ciptex.Voice.Tests.Infrastructure;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Sms;

public sealed class MessagesApiTests : IAsyncLifetime
{
    private readonly TwilioFake _twilio = new();
    private readonly VoiceApp _app = new();
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _twilio.AcceptsAll().Refuses(Phone(2), 400, "rest-error-400-21211.CONSTRUCTED.json");
        _app.SendingTo(_twilio);
        _api = _app.CreateApiClient();
        await _app.EnqueueAsync(Text(1), Text(2), new("test:3", Phone(1), "A second text", "escalation", TicketReference: "CIP-000042"));
        await _app.DispatchAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _twilio.Dispose();
    }

    [Fact]
    public async Task Every_text_is_listed_newest_first_with_what_became_of_it()
    {
        var messages = await GetAsync("/api/messages");

        Assert.Equal(["A second text", "Test message 2", "Test message 1"], messages.Select(m => m.GetProperty("body").GetString()));
        var sent = messages[0];
        Assert.Equal(("+447700900001", "escalation", "sent", 1, "CIP-000042"),
            (sent.GetProperty("to").GetString(), sent.GetProperty("purpose").GetString(), sent.GetProperty("status").GetString(),
             sent.GetProperty("attempts").GetInt32(), sent.GetProperty("ticketReference").GetString()));
        Assert.StartsWith("SM", sent.GetProperty("twilioSid").GetString());
        Assert.Equal("2026-11-26T10:00:00+00:00", sent.GetProperty("createdAt").GetString());
        var failed = messages[1];
        Assert.Equal(("failed", 21211), (failed.GetProperty("status").GetString(), failed.GetProperty("errorCode").GetInt32()));
    }

    [Fact]
    public async Task Texts_can_be_picked_by_recipient_in_any_form_and_by_status()
    {
        var toOne = await GetAsync("/api/messages?to=07700900001");
        var failed = await GetAsync("/api/messages?status=failed");
        var both = await GetAsync("/api/messages?to=%2B447700900001&status=sent&limit=1");

        Assert.Equal(2, toOne.Count);
        Assert.Equal("+447700900002", Assert.Single(failed).GetProperty("to").GetString());
        Assert.Equal("A second text", Assert.Single(both).GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("/api/messages?to=not-a-phone", "to")]
    [InlineData("/api/messages?to=0770090", "to")]
    [InlineData("/api/messages?status=lost", "status")]
    [InlineData("/api/messages?limit=0", "limit")]
    public async Task Malformed_filters_are_a_400_problem_naming_the_parameter(string url, string field)
    {
        var response = await _api.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    private async Task<List<JsonElement>> GetAsync(string url) => await _api.GetFromJsonAsync<List<JsonElement>>(url) ?? [];
}
