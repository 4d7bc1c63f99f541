using System.Net;
using System.Net.Http.Json;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Sla;

public sealed class SlaApiTests : IAsyncLifetime
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

    [Theory]
    [InlineData("P1", "production", "2026-11-27T16:30:00Z", "2026-11-30T10:30:00+00:00")]
    [InlineData("P1", "extended", "2026-11-27T16:30:00Z", "2026-11-27T18:30:00+00:00")]
    [InlineData("p3", "Production", "2026-12-24T16:00:00Z", "2026-12-29T16:00:00+00:00")]
    public async Task The_due_time_follows_the_policy(string category, string package, string openedAt, string expected)
    {
        var due = await _api.GetFromJsonAsync<DueAtDto>($"/api/sla/due?category={category}&package={package}&openedAt={Uri.EscapeDataString(openedAt)}");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due!.DueAt);
    }

    [Theory]
    [InlineData("category=P5&package=production", "category")]
    [InlineData("category=P1&package=gold", "package")]
    [InlineData("category=P1&package=production&openedAt=not-a-time", "openedAt")]
    [InlineData("package=production", "category")]
    public async Task Bad_queries_are_400_problems_naming_the_parameter(string query, string field)
    {
        var response = await _api.GetAsync($"/api/sla/due?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_RFO_is_due_ten_working_days_later_with_a_reminder_two_working_days_before()
    {
        var response = await _api.PostAsJsonAsync("/api/rfo", new { accountNumber = "100001", incident = "Voice outage on 26 November" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var rfo = await response.Content.ReadFromJsonAsync<RfoDto>();
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero), rfo!.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), rfo.ReminderAt);
        Assert.Single(await _api.GetFromJsonAsync<List<RfoDto>>("/api/rfo") ?? []);
    }

    [Fact]
    public async Task An_RFO_for_an_unknown_account_or_without_an_incident_is_refused()
    {
        var unknown = await _api.PostAsJsonAsync("/api/rfo", new { accountNumber = "999999", incident = "x" });
        var empty = await _api.PostAsJsonAsync("/api/rfo", new { accountNumber = "100001", incident = " " });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Empty(await _api.GetFromJsonAsync<List<RfoDto>>("/api/rfo") ?? []);
    }
}
