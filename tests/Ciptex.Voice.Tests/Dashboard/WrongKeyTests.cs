using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ciptex.Voice.Tests.Dashboard;

public sealed class WrongKeyTests(Chromium chromium) : BrowserTestBase(chromium)
{
    [Fact]
    public async Task A_wrong_key_is_refused_and_every_page_still_sends_the_browser_to_sign_in()
    {
        await Page.GotoAsync("/dashboard/messages");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/dashboard/sign-in\?ReturnUrl=%2Fdashboard%2Fmessages$"));

        await ScreenshotAsync("00-sign-in");
        await Page.GetByLabel("Your name").FillAsync(EngineerName);
        await Page.GetByLabel("Admin key").FillAsync(VoiceApp.ApiKey + "x");
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(401, response.Status);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That is not the admin key.");
        await Expect(Page.GetByLabel("Admin key")).ToHaveValueAsync("");
        await ScreenshotAsync("00-sign-in-refused");
        await Page.GotoAsync("/dashboard/messages");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the Ciptex Voice dashboard" })).ToBeVisibleAsync();

        // The right key then lands on the page first asked for.
        await Page.GetByLabel("Your name").FillAsync(EngineerName);
        await Page.GetByLabel("Admin key").FillAsync(VoiceApp.ApiKey);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Texts", Level = 1 })).ToBeVisibleAsync();
    }
}
