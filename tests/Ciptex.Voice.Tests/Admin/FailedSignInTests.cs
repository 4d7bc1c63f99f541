using System.Net;
using Ciptex.Voice.Admin;
using Ciptex.Voice.Tests.Dashboard;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Admin;

/// <summary>Guessing the admin key gets slow: five wrong keys from an address lock it out for a quarter of an hour.</summary>
public sealed class FailedSignInTests : IAsyncLifetime
{
    private readonly VoiceApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Five_wrong_keys_at_the_dashboard_lock_the_address_out_even_with_the_right_key_until_the_window_passes()
    {
        var client = new DashboardClient(_app);
        for (var i = 0; i < FailedSignInLimiter.MaxFailures; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SignInAsync(key: "wrong-key-" + i)).StatusCode);

        using var locked = await client.PostAsync("/dashboard/sign-in", new() { ["Name"] = "Sam", ["Key"] = VoiceApp.ApiKey }, tokenFrom: "/dashboard/sign-in");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many wrong keys", await locked.Content.ReadAsStringAsync());

        _app.Time.Advance(FailedSignInLimiter.Window);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync()).StatusCode);
    }

    [Fact]
    public async Task Wrong_api_keys_count_too_and_the_api_answers_429_with_retry_after()
    {
        var guesser = _app.CreateClient();
        for (var i = 0; i < FailedSignInLimiter.MaxFailures; i++)
        {
            guesser.DefaultRequestHeaders.Remove("X-Api-Key");
            guesser.DefaultRequestHeaders.Add("X-Api-Key", "guess-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync("/api/customers")).StatusCode);
        }

        var right = await _app.CreateApiClient().GetAsync("/api/customers");

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(right.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_right_key_clears_earlier_mistakes()
    {
        var client = new DashboardClient(_app);
        for (var i = 0; i < FailedSignInLimiter.MaxFailures - 1; i++)
            await client.SignInAsync(key: "wrong-key-" + i);
        await client.SignInAsync();

        // Another browser from the same address: the count started again at the right key.
        var later = new DashboardClient(_app);
        for (var i = 0; i < FailedSignInLimiter.MaxFailures - 1; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await later.SignInAsync(key: "again-" + i)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await later.SignInAsync()).StatusCode);
    }
}
