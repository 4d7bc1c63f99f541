using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ciptex.Voice.Customers;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Customers;

public sealed class CustomersApiTests : IAsyncLifetime
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
    public async Task A_customer_created_with_a_national_number_is_stored_in_E164_and_can_be_read_back()
    {
        var created = await _api.PostAsJsonAsync("/api/customers", new
        {
            accountNumber = "123456", name = "Fabrikam", package = "extended",
            contacts = new[] { new { name = "Fay", phone = "07700 900123" } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/customers/123456", created.Headers.Location?.ToString());
        var customer = await _api.GetFromJsonAsync<CustomerDto>("/api/customers/123456");
        Assert.Equal("extended", customer!.Package);
        Assert.Equal("+447700900123", Assert.Single(customer.Contacts).Phone);
    }

    [Fact]
    public async Task Updating_a_customer_replaces_its_name_package_and_contacts()
    {
        await CreateAsync("222222");

        var updated = await _api.PutAsJsonAsync("/api/customers/222222", new
        {
            name = "Fabrikam UK", package = "production", contacts = new[] { new { name = "Gus", phone = "+442079460002" } },
        });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var customer = await _api.GetFromJsonAsync<CustomerDto>("/api/customers/222222");
        Assert.Equal(("Fabrikam UK", "production"), (customer!.Name, customer.Package));
        Assert.Equal("+442079460002", Assert.Single(customer.Contacts).Phone);
        Assert.Single(await _api.GetFromJsonAsync<List<CustomerDto>>("/api/customers") ?? []);
    }

    [Fact]
    public async Task A_number_added_to_a_customer_is_greeted_by_name_on_its_next_call_and_not_once_it_is_removed()
    {
        await CreateAsync("333333", "Northwind");
        const string caller = "+442079460003";
        async Task<string> DialAsync() => (await new PhoneCall(_app.Twilio(), caller).DialAsync()).ToString();
        Assert.DoesNotContain("Hello, Northwind", await DialAsync()); // the callers known in memory, read before the change

        (await _api.PutAsJsonAsync("/api/customers/333333", new
        {
            name = "Northwind", package = "extended", contacts = new[] { new { name = "Hal", phone = caller } },
        })).EnsureSuccessStatusCode();
        var known = await DialAsync();
        (await _api.PutAsJsonAsync("/api/customers/333333", new { name = "Northwind", package = "extended", contacts = Array.Empty<object>() }))
            .EnsureSuccessStatusCode();
        var forgotten = await DialAsync();

        Assert.Contains("Hello, Northwind", known);
        Assert.DoesNotContain("Hello, Northwind", forgotten);
    }

    [Theory]
    [InlineData("""{"accountNumber":"12345","name":"X","package":"production"}""", "accountNumber")]
    [InlineData("""{"accountNumber":"12345a","name":"X","package":"production"}""", "accountNumber")]
    [InlineData("""{"accountNumber":"123456","name":"","package":"production"}""", "name")]
    [InlineData("""{"accountNumber":"123456","name":"X","package":"gold"}""", "package")]
    [InlineData("""{"accountNumber":"123456","name":"X","package":"production","contacts":[{"name":"a","phone":"not a number"}]}""", "contacts[0].phone")]
    [InlineData("""{"accountNumber":"123456","name":"X","package":"production","contacts":[{"name":"a","phone":"0770090"}]}""", "contacts[0].phone")]
    public async Task Invalid_customers_are_refused_with_a_problem_naming_the_field(string json, string field)
    {
        var response = await _api.PostAsync("/api/customers", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(await _api.GetFromJsonAsync<List<CustomerDto>>("/api/customers") ?? []);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"accountNumber":123456,"name":"X","package":"production"}""")]
    [InlineData("")]
    public async Task Malformed_bodies_are_a_400_problem_not_a_500(string body)
    {
        var response = await _api.PostAsync("/api/customers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_duplicate_account_number_is_a_409_and_the_first_customer_is_kept()
    {
        await CreateAsync("333333", "First");

        var duplicate = await _api.PostAsJsonAsync("/api/customers", new { accountNumber = "333333", name = "Second", package = "production" });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal("First", (await _api.GetFromJsonAsync<CustomerDto>("/api/customers/333333"))!.Name);
    }

    [Fact]
    public async Task An_unknown_account_is_a_404_problem()
    {
        var response = await _api.GetAsync("/api/customers/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PutAsJsonAsync("/api/customers/999999", new { name = "X", package = "production" })).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key-0123456789")]
    public async Task The_api_needs_its_key(string? key)
    {
        var client = _app.CreateClient();
        if (key is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var read = await client.GetAsync("/api/customers");
        var write = await client.PostAsJsonAsync("/api/customers", new { accountNumber = "444444", name = "X", package = "production" });

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/customers/444444")).StatusCode);
    }

    private async Task CreateAsync(string accountNumber, string name = "Fabrikam") =>
        (await _api.PostAsJsonAsync("/api/customers", new { accountNumber, name, package = "extended" })).EnsureSuccessStatusCode();
}
