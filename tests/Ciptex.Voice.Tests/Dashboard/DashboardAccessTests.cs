using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tests.Ivr;
using Ciptex.Voice.Tickets;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>Who gets in and what a form without its token gets, asserted on status codes and headers.</summary>
public sealed class DashboardAccessTests : IvrTestBase
{
    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/tickets/CIP-000001")]
    [InlineData("/dashboard/tickets/CIP-000001/recording")]
    [InlineData("/dashboard/incidents")]
    [InlineData("/dashboard/messages")]
    [InlineData("/dashboard/subscribers")]
    [InlineData("/dashboard/escalation")]
    [InlineData("/dashboard/customers")]
    [InlineData("/dashboard/simulator")]
    public async Task Every_page_without_a_session_redirects_to_sign_in_and_comes_back_after(string path)
    {
        using var response = await new DashboardClient(App).Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/dashboard/sign-in?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_post_without_a_session_is_sent_to_sign_in_and_changes_nothing()
    {
        await RaiseAsync(AcmeMobile, "3");

        using var response = await new DashboardClient(App).PostAsync("/dashboard/tickets/CIP-000001?handler=Resolve", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TicketStatus.Open, Assert.Single(await TicketsAsync()).Status);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_401_and_no_session_cookie()
    {
        var client = new DashboardClient(App);

        using var response = await client.SignInAsync(key: VoiceApp.ApiKey + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("ciptex-dashboard=", StringComparison.Ordinal));
        Assert.Contains("That is not the admin key.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task The_session_cookie_is_HttpOnly_SameSite_Strict_for_the_dashboard_only_and_Secure_over_HTTPS(string baseAddress, bool secure)
    {
        using var response = await new DashboardClient(App, baseAddress).SignInAsync();

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ciptex-dashboard=", StringComparison.Ordinal));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/dashboard", attributes);
        Assert.Equal(secure, attributes.Contains("secure"));
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_sign_in_form_without_its_antiforgery_token_is_refused_with_400()
    {
        var client = new DashboardClient(App);
        await client.TokenFromAsync("/dashboard/sign-in");

        using var response = await client.PostAsync("/dashboard/sign-in", new() { ["Name"] = "Sam", ["Key"] = VoiceApp.ApiKey });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_engineers_form_without_its_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        await RaiseAsync(AcmeMobile, "3");
        var client = new DashboardClient(App);
        await client.SignInAsync();

        using var forged = await client.PostAsync("/dashboard/tickets/CIP-000001?handler=Acknowledge", new() { ["By"] = "Mallory" });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(Assert.Single(await TicketsAsync()).AcknowledgedAt);

        using var genuine = await client.PostAsync("/dashboard/tickets/CIP-000001?handler=Acknowledge", new() { ["By"] = "Sam" },
            tokenFrom: "/dashboard/tickets/CIP-000001");
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        Assert.Equal("Sam", Assert.Single(await TicketsAsync()).AcknowledgedBy);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = new DashboardClient(App);
        await client.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/dashboard")).StatusCode);

        using var signedOut = await client.PostAsync("/dashboard/sign-out", [], tokenFrom: "/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/api/tickets")]
    public async Task After_sign_in_only_a_dashboard_address_is_followed(string returnUrl)
    {
        var client = new DashboardClient(App);
        var signIn = $"/dashboard/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";

        using var response = await client.PostAsync(signIn, new() { ["Name"] = "Sam", ["Key"] = VoiceApp.ApiKey }, tokenFrom: signIn);

        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Only_the_dashboard_asks_for_the_sign_in_cookie()
    {
        // A default scheme would have every request authenticated with the cookie, webhooks included (docs/benchmarks.md).
        var schemes = App.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());

        var client = new DashboardClient(App);
        using var signedIn = await client.SignInAsync();
        using var page = await client.Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Signed in as", await page.Content.ReadAsStringAsync());
    }
}
