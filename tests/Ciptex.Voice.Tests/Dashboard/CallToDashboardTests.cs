using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>An engineer's shift in a real browser: a caller rings through the simulator, the ticket appears, it is acknowledged.</summary>
public sealed class CallToDashboardTests(Chromium chromium) : BrowserTestBase(chromium)
{
    private const string AliceAtAcme = "+447700900123";
    private const string Words = "Our card payments have stopped in every store since nine this morning.";

    [Fact]
    public async Task A_simulated_P1_call_becomes_a_ticket_with_its_due_time_that_the_engineer_acknowledges_and_sees_paged_and_texted()
    {
        await SignInAsync();
        await ScreenshotAsync("01-tickets-empty");

        // The caller: Alice at Acme Retail, a P1 with production down, in support hours.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Phone simulator" }).ClickAsync();
        await Page.GetByLabel("Call from").SelectOptionAsync(AliceAtAcme);
        await ScreenshotAsync("02-simulator");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Call" }).ClickAsync();
        var transcript = Page.Locator("#transcript");
        await Expect(transcript).ToContainTextAsync("Thank you for calling Ciptex support. Hello, Acme Retail.");
        await Expect(transcript).ToContainTextAsync("Press 1 for P1, business critical");

        await Key("1");
        await Expect(transcript).ToContainTextAsync("Is a production service affected? Press 1 for yes, or 2 for no.");
        await Key("1");
        await Expect(transcript).ToContainTextAsync("After the tone, please describe the problem");
        await Page.GetByLabel("What you say after the tone").FillAsync(Words);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Finish speaking and press #" }).ClickAsync();

        await Expect(transcript).ToContainTextAsync("Your ticket reference is C, I, P, 0, 0, 0, 0, 0, 1.");
        await Expect(transcript).ToContainTextAsync("an engineer will respond by midday today");
        await Expect(transcript).ToContainTextAsync("We have sent these details to you by text message.");
        await Expect(transcript).ToContainTextAsync("The call has ended.");
        await ScreenshotAsync("03-simulator-ticket-opened");

        // The dashboard: the ticket first, with its due time (2 support hours from 10:00) and a live countdown.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Tickets" }).ClickAsync();
        var card = Page.Locator("#waiting li[data-reference='CIP-000001']");
        await Expect(card).ToContainTextAsync("P1 Business Critical · Acme Retail");
        await Expect(card.Locator("time.due")).ToHaveAttributeAsync("datetime", "2026-11-26T12:00:00Z");
        await Expect(card.Locator("time.due")).ToHaveTextAsync("Thu 26 Nov 2026, 12:00");
        await Expect(card).ToContainTextAsync("(midday today)");
        await Expect(card.Locator(".countdown")).ToHaveTextAsync(new Regex(@"^(2 h 00|1 h 5\d) min left$"));
        await Expect(card.Locator(".badge")).ToHaveTextAsync("On time");
        await ScreenshotAsync("04-tickets");

        // The ticket: what the caller said, who was paged, what was texted; then acknowledge it.
        await card.GetByRole(AriaRole.Link, new() { Name = "CIP-000001" }).ClickAsync();
        await Expect(Page.Locator("#transcription")).ToHaveTextAsync(Words);
        await Expect(Page.Locator("#escalations")).ToContainTextAsync("On-call engineer");
        var texts = Page.Locator("#texts");
        await Expect(texts).ToContainTextAsync("ticket-confirmation");
        await Expect(texts).ToContainTextAsync(AliceAtAcme);
        await Expect(texts).ToContainTextAsync("escalation");
        await Expect(Page.GetByLabel("Acknowledged by")).ToHaveValueAsync(EngineerName);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Acknowledged");
        await Expect(Page.Locator("#ticket-status")).ToHaveTextAsync("acknowledged");
        await Expect(Page.Locator("#acknowledged")).ToContainTextAsync($"Thu 26 Nov 2026, 10:00 by {EngineerName}");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" })).ToBeDisabledAsync();
        await ScreenshotAsync("05-ticket-acknowledged");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Texts" }).ClickAsync();
        await Expect(Page.Locator("#messages")).ToContainTextAsync("CIP-000001");
        await ScreenshotAsync("06-texts");
        foreach (var (link, shot) in new[] { ("Status pages", "07-status-pages"), ("Subscribers", "08-subscribers"),
            ("Escalation", "09-escalation"), ("Customers", "10-customers") })
        {
            await Page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
            await ScreenshotAsync(shot);
        }
    }

    private Task Key(string key) => Page.Locator("#keypad-form").GetByRole(AriaRole.Button, new() { Name = key, Exact = true }).ClickAsync();
}
