using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>
/// The README's run mode: Development, no admin key, no Twilio account. The simulator signs with the key this process
/// made for itself, and a newcomer walks a call on a phone-sized screen.
/// </summary>
public sealed class DevelopmentRunModeTests(Chromium chromium) : BrowserTestBase(chromium)
{
    protected override ViewportSize Viewport => new() { Width = 390, Height = 844 };

    protected override void Configure()
    {
        App.Environment = "Development";
        foreach (var key in new[] { "Admin:ApiKey", "Twilio:AccountSid", "Twilio:AuthToken", "Twilio:PublicBaseUrl" })
            App.Settings[key] = "";
    }

    [Fact]
    public async Task A_newcomer_signs_in_without_a_key_and_calls_from_an_unknown_number_keying_in_an_account_number()
    {
        await Page.GotoAsync("/dashboard/sign-in");
        await Expect(Page.Locator(".notice")).ToContainTextAsync("no Admin:ApiKey is set");
        await SignInAsync(key: null);

        await Page.GotoAsync("/dashboard/simulator");
        await Expect(Page.Locator("main")).ToContainTextAsync("signed with a key this process made for itself");
        await Page.GetByLabel("Or another number").FillAsync("07700 900555");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Call" }).ClickAsync();
        var transcript = Page.Locator("#transcript");
        await Expect(transcript).ToContainTextAsync("Calling +44 345 8800 808 from +447700900555.");
        await Expect(transcript).ToContainTextAsync("Please enter your six digit Ciptex account number on your keypad.");

        // Twilio collects the six digits before it posts them: five keys are only "pressed so far".
        foreach (var key in "10000")
            await Key(key.ToString());
        await Expect(Page.Locator("#pressed")).ToHaveTextAsync("Keys pressed so far: 1 0 0 0 0");
        await Key("2");
        await Expect(transcript).ToContainTextAsync("Presses 1 0 0 0 0 2");
        await Expect(transcript).ToContainTextAsync("Thank you. You are calling for Brightside Health.");

        await Key("4");
        await Expect(transcript).ToContainTextAsync("After the tone");
        // Silence at the tone: Twilio skips the Record's action and follows the Redirect, which asks again.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Say nothing" }).ClickAsync();
        await Expect(transcript).ToContainTextAsync("Sorry, I did not hear anything.");
        await Page.GetByLabel("What you say after the tone").FillAsync("Could you send us the guide to call recording retention?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Finish speaking and press #" }).ClickAsync();
        await Expect(transcript).ToContainTextAsync("It is logged as P4, Information Request");
        await Expect(transcript).ToContainTextAsync("The call has ended.");
        await ScreenshotAsync("11-simulator-phone-screen");

        await Page.Locator("#ticket-opened").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.Locator("#transcription")).ToHaveTextAsync("Could you send us the guide to call recording retention?");
        await Expect(Page.Locator("main")).ToContainTextAsync("cannot fetch it to play here");
        await ScreenshotAsync("12-ticket-phone-screen");
        await Page.GotoAsync("/dashboard");
        await Expect(Page.Locator("#waiting li")).ToContainTextAsync("P4 Information Request · Brightside Health");
        await ScreenshotAsync("13-tickets-phone-screen");
    }

    private Task Key(string key) => Page.Locator("#keypad-form").GetByRole(AriaRole.Button, new() { Name = key, Exact = true }).ClickAsync();
}
