using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tests.Tickets;

/// <summary>The portal and the engineers' side of tickets, on Thursday 26 November 2026 at 10:00.</summary>
public sealed class TicketsApiTests : IAsyncLifetime
{
    private readonly VoiceApp _app = new();
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _app.Settings["Demo:Seed"] = "true";
        _api = _app.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_portal_ticket_gets_a_reference_and_its_due_time_from_the_customers_package()
    {
        var created = await CreateAsync(category: "P2", accountNumber: "100002");

        Assert.Matches(@"^CIP-\d{6,}$", created.Reference);
        Assert.Equal(("P2", "open", "portal"), (created.Category, created.Status, created.Channel));
        Assert.Equal("Brightside Health", created.Customer?.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.Zero), created.FirstResponseDueAt);
        var read = await _api.GetFromJsonAsync<TicketDto>($"/api/tickets/{created.Reference}");
        Assert.Equal(created.FirstResponseDueAt, read!.FirstResponseDueAt);
        Assert.Equal(TimeSpan.Zero, read.OpenedAt.Offset);
    }

    [Fact]
    public async Task A_backdated_import_keeps_its_opening_time()
    {
        var created = await CreateAsync(category: "P3", openedAt: "2026-11-20T16:00:00+00:00");

        Assert.Equal(new DateTimeOffset(2026, 11, 20, 16, 0, 0, TimeSpan.Zero), created.OpenedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), created.FirstResponseDueAt);
    }

    [Fact]
    public async Task Acknowledge_respond_and_resolve_move_a_ticket_along_and_the_first_response_counts()
    {
        var ticket = await CreateAsync();

        var acked = await PostAsync<TicketDto>($"/api/tickets/{ticket.Reference}/acknowledge", new { by = "Sam Engineer" });
        Assert.Equal(("acknowledged", "Sam Engineer"), (acked.Status, acked.AcknowledgedBy));
        var responded = await PostAsync<TicketDto>($"/api/tickets/{ticket.Reference}/respond", new { });
        _app.Time.Advance(TimeSpan.FromMinutes(30));
        var again = await PostAsync<TicketDto>($"/api/tickets/{ticket.Reference}/respond", new { });
        Assert.Equal("responded", again.Status);
        Assert.Equal(responded.FirstRespondedAt, again.FirstRespondedAt);

        var resolved = await PostAsync<TicketDto>($"/api/tickets/{ticket.Reference}/resolve", new { });
        Assert.Equal("resolved", resolved.Status);
        var texts = await TextsAsync();
        var resolution = Assert.Single(texts, m => m.Purpose == "resolved");
        Assert.Equal("+447700900123", resolution.To);
    }

    [Fact]
    public async Task Recategorising_recomputes_the_due_time_and_tells_the_caller_why()
    {
        var ticket = await CreateAsync(category: "P2");

        var changed = await PostAsync<TicketDto>($"/api/tickets/{ticket.Reference}/recategorise", new { category = "P3", reason = "a workaround is in place" });

        Assert.Equal("P3", changed.Category);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero), changed.FirstResponseDueAt);
        var text = Assert.Single(await TextsAsync(), m => m.Purpose == "recategorised");
        Assert.Contains("from P2 to P3 General Issue: a workaround is in place", text.Body);
        Assert.Contains("10 am tomorrow", text.Body);
    }

    [Fact]
    public async Task A_portal_P1_texts_level_one_at_once()
    {
        var ticket = await CreateAsync(category: "P1");

        var page = Assert.Single(await TextsAsync());
        Assert.Equal((VoiceApp.OnCallPhone, "escalation", ticket.Reference), (page.To, page.Purpose, page.TicketReference));
        Assert.Equal(1, Assert.Single(ticket.Escalations).Level);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_category_and_puts_the_most_urgent_first()
    {
        var p4 = await CreateAsync(category: "P4");
        var p2 = await CreateAsync(category: "P2");
        await PostAsync<TicketDto>($"/api/tickets/{p4.Reference}/resolve", new { });

        var open = await _api.GetFromJsonAsync<List<TicketDto>>("/api/tickets?status=open");
        var all = await _api.GetFromJsonAsync<List<TicketDto>>("/api/tickets");
        var p4s = await _api.GetFromJsonAsync<List<TicketDto>>("/api/tickets?category=p4");

        Assert.Equal([p2.Reference], open!.Select(t => t.Reference));
        Assert.Equal([p2.Reference, p4.Reference], all!.Select(t => t.Reference));
        Assert.Equal([p4.Reference], p4s!.Select(t => t.Reference));
    }

    [Theory]
    [InlineData("""{"accountNumber":"999999","category":"P3","summary":"x"}""", "accountNumber")]
    [InlineData("""{"accountNumber":"100001","category":"P5","summary":"x"}""", "category")]
    [InlineData("""{"accountNumber":"100001","category":"P3","summary":""}""", "summary")]
    [InlineData("""{"accountNumber":"100001","category":"P3","summary":"x","callerNumber":"12"}""", "callerNumber")]
    [InlineData("""{"accountNumber":"100001","category":"P3","summary":"x","openedAt":"yesterday"}""", "openedAt")]
    [InlineData("""{"accountNumber":"100001","category":"P3","summary":"x","openedAt":"2027-01-01T00:00:00Z"}""", "openedAt")]
    public async Task Bad_tickets_are_refused_with_a_problem_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var response = await _api.PostAsync("/api/tickets", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(await _app.QueryAsync(db => db.Set<Ticket>().ToListAsync()));
    }

    [Fact]
    public async Task Actions_on_unknown_or_resolved_tickets_are_404_and_409_problems()
    {
        var ticket = await CreateAsync();
        await PostAsync<TicketDto>($"/api/tickets/{ticket.Reference}/resolve", new { });

        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/tickets/CIP-999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PostAsJsonAsync("/api/tickets/CIP-999999/respond", new { })).StatusCode);
        var conflict = await _api.PostAsJsonAsync($"/api/tickets/{ticket.Reference}/acknowledge", new { by = "Sam" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.PostAsJsonAsync($"/api/tickets/{ticket.Reference}/recategorise", new { category = "P9", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _api.GetAsync("/api/tickets?status=closed")).StatusCode);
    }

    private async Task<TicketDto> CreateAsync(string category = "P3", string accountNumber = "100001", string? openedAt = null)
    {
        var response = await _api.PostAsJsonAsync("/api/tickets", new
        {
            accountNumber, category, summary = "Calls to our IVR drop after the greeting", callerNumber = "07700 900123", openedAt,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    private async Task<T> PostAsync<T>(string path, object body)
    {
        var response = await _api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private Task<List<OutboundMessage>> TextsAsync() => _app.QueryAsync(db => db.Set<OutboundMessage>().OrderBy(m => m.Id).ToListAsync());
}
