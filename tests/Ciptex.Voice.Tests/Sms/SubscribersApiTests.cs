using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Sms;

public sealed class SubscribersApiTests : IAsyncLifetime
{
    private readonly VoiceApp _app = new();
    private HttpClient _api = null!;

    public Task InitializeAsync()
    {
        _api = _app.CreateApiClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_subscriber_added_in_national_form_is_stored_in_E164_and_listed_with_its_pages()
    {
        var created = await _api.PostAsJsonAsync("/api/subscribers", new { phone = "07700 900123", pages = new[] { "ciptex" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/subscribers/%2B447700900123", created.Headers.Location?.OriginalString);
        var listed = Assert.Single(await ListAsync());
        Assert.Equal(("+447700900123", false), (listed.Phone, listed.OptedOut));
        Assert.Equal(["ciptex"], listed.Pages);
    }

    [Fact]
    public async Task Adding_pages_to_an_existing_subscriber_keeps_the_ones_it_had()
    {
        await _api.PostAsJsonAsync("/api/subscribers", new { phone = "+447700900123", pages = new[] { "ciptex" } });

        var again = await _api.PostAsJsonAsync("/api/subscribers", new { phone = "+447700900123", pages = new[] { "Twilio", "ciptex" } });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["twilio", "ciptex"], (await again.Content.ReadFromJsonAsync<SubscriberDto>())!.Pages);
        Assert.Equal(["twilio", "ciptex"], Assert.Single(await ListAsync()).Pages);
    }

    [Fact]
    public async Task Without_pages_a_subscriber_gets_every_page()
    {
        await _api.PostAsJsonAsync("/api/subscribers", new { phone = "+447700900123" });

        Assert.Equal(["twilio", "ciptex"], Assert.Single(await ListAsync()).Pages);
    }

    [Fact]
    public async Task A_subscriber_who_texted_STOP_is_listed_as_opted_out()
    {
        await _api.PostAsJsonAsync("/api/subscribers", new { phone = "+447700900123" });
        await _app.InScopeAsync(async s =>
        {
            await s.GetRequiredService<SmsConsent>().OptOutAsync("+447700900123", SmsApp.SupportNumber, "keyword", default);
            return 0;
        });

        Assert.True(Assert.Single(await ListAsync()).OptedOut);
    }

    [Fact]
    public async Task Deleting_a_subscriber_by_national_number_removes_every_page_and_a_second_delete_is_404()
    {
        await _api.PostAsJsonAsync("/api/subscribers", new { phone = "+447700900123" });

        var deleted = await _api.DeleteAsync("/api/subscribers/07700900123");
        var again = await _api.DeleteAsync("/api/subscribers/%2B447700900123");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await ListAsync());
    }

    [Theory]
    [InlineData("""{"phone":"not a number","pages":["twilio"]}""", "phone")]
    [InlineData("""{"phone":"0770090","pages":["twilio"]}""", "phone")]
    [InlineData("""{"pages":["twilio"]}""", "phone")]
    [InlineData("""{"phone":"+447700900123","pages":["aws"]}""", "pages")]
    [InlineData("""{"phone":"+447700900123","pages":[]}""", "pages")]
    [InlineData("""{"phone":"+447700900123","pages":[null]}""", "pages")]
    public async Task Malformed_subscribers_are_a_400_problem_naming_the_field(string json, string field)
    {
        var response = await _api.PostAsync("/api/subscribers", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(await ListAsync());
    }

    [Theory]
    [InlineData("""{"phone":12345}""")]
    [InlineData("{not json")]
    public async Task Unreadable_bodies_are_a_400_problem_not_a_500(string json)
    {
        var response = await _api.PostAsync("/api/subscribers", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Deleting_a_malformed_phone_is_a_400_problem()
    {
        var response = await _api.DeleteAsync("/api/subscribers/not-a-phone");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_subscribers_api_needs_the_admin_key()
    {
        using var anonymous = _app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/subscribers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/subscribers", new { phone = "+447700900123" })).StatusCode);
        Assert.Empty(await ListAsync());
    }

    private async Task<List<SubscriberDto>> ListAsync() => await _api.GetFromJsonAsync<List<SubscriberDto>>("/api/subscribers") ?? [];
}
