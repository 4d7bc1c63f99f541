using System.Net;
using System.Text.RegularExpressions;
using Ciptex.Voice.Sms;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Ivr;
using Ciptex.Voice.Tickets;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>What the pages show from stored data, and the ticket actions' refusals, over plain HTTP.</summary>
public sealed class DashboardPagesTests : IvrTestBase
{
    private readonly DashboardClient _dashboard;

    public DashboardPagesTests() => _dashboard = new DashboardClient(App);

    public override Task InitializeAsync() => _dashboard.SignInAsync();

    /// <summary>The page's text as a reader sees it: tags gone, entities decoded.</summary>
    private async Task<string> PageAsync(string path) =>
        WebUtility.HtmlDecode(Regex.Replace(await _dashboard.Http.GetStringAsync(path), "<[^>]+>", ""));

    [Fact]
    public async Task The_status_pages_page_shows_each_incident_its_updates_and_how_many_texts_they_caused()
    {
        var now = App.Time.GetUtcNow();
        await App.QueryAsync(db =>
        {
            db.Add(new StatusPageState { PageKey = "twilio", BaselineAt = now.AddHours(-2), LastSuccessAt = now.AddMinutes(-1) });
            db.Add(new TrackedIncident
            {
                PageKey = "twilio", IncidentId = "inc1", Name = "SMS delivery delays to UK carriers", Status = "monitoring", Impact = "minor",
                CreatedAt = now.AddHours(-1), UpdatedAt = now, FirstSeenAt = now.AddHours(-1),
                Updates =
                [
                    new() { UpdateId = "u1", Status = "investigating", Body = "We are investigating delays.", CreatedAt = now.AddHours(-1), DisplayAt = now.AddHours(-1), NotifiedCount = 3 },
                    new() { UpdateId = "u2", Status = "monitoring", Body = "A fix is in place.", CreatedAt = now, DisplayAt = now, NotifiedCount = 2 },
                ],
            });
            return db.SaveChangesAsync();
        });

        var html = await PageAsync("/dashboard/incidents");

        Assert.Contains("SMS delivery delays to UK carriers", html);
        Assert.Contains("5 texts sent", html);
        Assert.Contains("We are investigating delays.", html);
        Assert.Contains("A fix is in place.", html);
        Assert.Contains("Thu 26 Nov 2026, 09:59", html);
        Assert.Contains("No incidents seen.", html);
    }

    [Fact]
    public async Task The_texts_page_lists_the_outbox_newest_first_and_filters_by_status()
    {
        await RaiseAsync(AcmeMobile, "1", "1");

        var all = await PageAsync("/dashboard/messages");
        var failed = await PageAsync("/dashboard/messages?status=failed");

        Assert.True(all.IndexOf("escalation", StringComparison.Ordinal) < all.IndexOf("ticket-confirmation", StringComparison.Ordinal));
        Assert.Contains(AcmeMobile, all);
        Assert.Contains("No texts with status failed.", failed);
    }

    [Fact]
    public async Task The_subscribers_page_shows_each_phone_its_pages_and_an_opt_out()
    {
        var now = App.Time.GetUtcNow();
        await App.QueryAsync(db =>
        {
            db.Add(new Subscription { Phone = BrightsideMobile, PageKey = "twilio", Source = "sms", SubscribedAt = now });
            db.Add(new Subscription { Phone = BrightsideMobile, PageKey = "ciptex", Source = "ivr", SubscribedAt = now });
            db.Add(new SmsOptOut { Phone = BrightsideMobile, Sender = "+443458800808", Source = "keyword", OptedOutAt = now });
            return db.SaveChangesAsync();
        });

        var html = await PageAsync("/dashboard/subscribers");

        Assert.Contains("Subscribers (2)", html); // with the demo subscriber
        Assert.Contains("ciptex, since Thu 26 Nov 2026, 10:00 (ivr)", html);
        Assert.Contains("twilio, since Thu 26 Nov 2026, 10:00 (sms)", html);
        Assert.Contains("Opted out (STOP)", html);
    }

    [Fact]
    public async Task The_customers_page_lists_accounts_and_contacts_with_a_call_as_link_to_the_simulator()
    {
        var html = await _dashboard.Http.GetStringAsync("/dashboard/customers");

        Assert.Contains("Brightside Health", html);
        Assert.Contains("href=\"/dashboard/simulator?from=%2B447700900456\"", html);
    }

    [Fact]
    public async Task A_ticket_action_the_rules_refuse_says_why_and_changes_nothing_and_one_they_allow_is_done_once()
    {
        await RaiseAsync(AcmeMobile, "3");
        const string ticket = "/dashboard/tickets/CIP-000001";

        using var noReason = await _dashboard.PostAsync(ticket + "?handler=Recategorise", new() { ["Category"] = "P4", ["Reason"] = " " }, tokenFrom: ticket);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give the customer a reason (1 to 300 characters).", await noReason.Content.ReadAsStringAsync());

        using var resolved = await _dashboard.PostAsync(ticket + "?handler=Resolve", [], tokenFrom: ticket);
        Assert.Equal("/dashboard/tickets/CIP-000001?done=resolved", resolved.Headers.Location?.OriginalString);
        using var late = await _dashboard.PostAsync(ticket + "?handler=Acknowledge", new() { ["By"] = "Sam" }, tokenFrom: ticket);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("CIP-000001 is resolved.", await late.Content.ReadAsStringAsync());

        var stored = Assert.Single(await TicketsAsync());
        Assert.Equal((Ciptex.Voice.Sla.FaultCategory.P3, TicketStatus.Resolved, (string?)null), (stored.Category, stored.Status, stored.AcknowledgedBy));
        Assert.Single(await TextsAsync(), m => m.Purpose == "resolved");
        Assert.Equal(HttpStatusCode.NotFound, (await _dashboard.Http.GetAsync("/dashboard/tickets/CIP-000999")).StatusCode);
    }
}
