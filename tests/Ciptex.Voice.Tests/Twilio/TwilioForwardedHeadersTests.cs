using System.Net;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>Which URL the signature is checked against behind proxies (reference/twilio.md §1.5; PITFALLS).</summary>
public sealed class TwilioForwardedHeadersTests
{
    private const string PublicUrl = "https://voice.example.com/twilio/voice/incoming";

    [Fact]
    public async Task Forwarded_scheme_and_host_from_a_loopback_proxy_are_used()
    {
        await using var host = await WebhookTestHost.StartAsync(remoteIp: "127.0.0.1");

        var response = await host.Client.SendAsync(ForwardedPost());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_same_forwarded_headers_from_an_untrusted_address_are_ignored_and_the_webhook_refused()
    {
        await using var host = await WebhookTestHost.StartAsync(remoteIp: "203.0.113.7");

        var response = await host.Client.SendAsync(ForwardedPost());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Invocations);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.5", "10.0.0.5")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16", "10.1.2.3")]
    public async Task A_configured_proxy_is_trusted(string key, string value, string remoteIp)
    {
        await using var host = await WebhookTestHost.StartAsync(new() { [key] = value }, remoteIp);

        var response = await host.Client.SendAsync(ForwardedPost());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_host_outside_the_allowed_hosts_is_ignored()
    {
        await using var host = await WebhookTestHost.StartAsync(new() { ["ForwardedHeaders:AllowedHosts:0"] = "voice.ciptex.com" });

        var response = await host.Client.SendAsync(ForwardedPost());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task With_PublicBaseUrl_the_signature_is_checked_against_it_whatever_the_request_looked_like()
    {
        await using var host = await WebhookTestHost.StartAsync(
            new() { ["Twilio:PublicBaseUrl"] = "https://voice.example.com/" }, remoteIp: "203.0.113.7");

        var publicSigned = await host.Client.SendAsync(WebhookTestHost.FormPost(
            "/twilio/voice/incoming", WebhookTestHost.CallFields(), signedUrl: PublicUrl));
        var locallySigned = await host.Client.SendAsync(WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields()));

        Assert.Equal(HttpStatusCode.OK, publicSigned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, locallySigned.StatusCode);
    }

    [Fact]
    public async Task The_path_base_is_part_of_the_public_URL()
    {
        await using var host = await WebhookTestHost.StartAsync(
            new() { ["Twilio:PublicBaseUrl"] = "https://voice.example.com" }, pathBase: "/support");

        var response = await host.Client.SendAsync(WebhookTestHost.FormPost(
            "/support/twilio/voice/incoming", WebhookTestHost.CallFields(),
            signedUrl: "https://voice.example.com/support/twilio/voice/incoming"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Loopback_stays_trusted_even_when_something_clears_the_known_lists()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5" });
        // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true does; empty lists would trust every address.
        builder.Services.Configure<ForwardedHeadersOptions>(o => { o.KnownProxies.Clear(); o.KnownIPNetworks.Clear(); });
        builder.AddTwilioForwardedHeaders();

        using var services = builder.Services.BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("10.0.0.5")], options.KnownProxies);
    }

    [Fact]
    public void A_proxy_address_that_does_not_parse_stops_start_up_naming_the_key()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.300/8" });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => builder.AddTwilioForwardedHeaders());

        Assert.Contains("ForwardedHeaders:KnownNetworks", error.Message, StringComparison.Ordinal);
    }

    private static HttpRequestMessage ForwardedPost()
    {
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields(), signedUrl: PublicUrl);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "voice.example.com");
        request.Headers.Add("X-Forwarded-For", "198.51.100.20");
        return request;
    }
}
