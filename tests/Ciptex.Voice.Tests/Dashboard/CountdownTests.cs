using System.Net.Http.Json;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>
/// The countdown keeps going on an open page. The browser's clock is Playwright's fake one, moved forward by the
/// test; the service's is the fixed fake clock (Thursday 10:00), which the page counts from.
/// </summary>
public sealed class CountdownTests(Chromium chromium) : BrowserTestBase(chromium)
{
    [Fact]
    public async Task An_open_page_turns_a_P1_amber_after_an_hour_and_red_after_two_without_reloading()
    {
        using var api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", VoiceApp.ApiKey);
        (await api.PostAsJsonAsync("/api/tickets",
            new { accountNumber = "100001", callerNumber = "07700 900123", category = "P1", summary = "Checkout down" })).EnsureSuccessStatusCode();
        await Page.Clock.InstallAsync(new() { TimeDate = new DateTime(2030, 1, 1, 8, 0, 0, DateTimeKind.Utc) });
        await SignInAsync();
        var card = Page.Locator("#waiting li[data-reference='CIP-000001']");
        await Expect(card.Locator(".countdown")).ToHaveTextAsync("2 h 00 min left");
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bon-time\b"));

        // Half a minute past each mark: the count rounds up, and the browser's clock also runs on by itself a little.
        await Page.Clock.FastForwardAsync("01:00:30");
        await Expect(card.Locator(".countdown")).ToHaveTextAsync("1 h 00 min left");
        await Expect(card.Locator(".badge")).ToHaveTextAsync("At risk");
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bat-risk\b"));
        await ScreenshotAsync("14-tickets-at-risk");

        await Page.Clock.FastForwardAsync("01:04:00");
        await Expect(card.Locator(".countdown")).ToHaveTextAsync("overdue by 5 min");
        await Expect(card.Locator(".badge")).ToHaveTextAsync("Breached");
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bbreached\b"));
        await ScreenshotAsync("15-tickets-breached");
    }
}
