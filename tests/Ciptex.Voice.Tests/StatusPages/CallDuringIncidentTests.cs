using Ciptex.Voice.Sms;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Ivr;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>The status pages as a caller meets them: announced after the greeting, subscribed to with one key.</summary>
public sealed class CallDuringIncidentTests : IvrTestBase
{
    [Fact]
    public async Task A_call_during_an_open_incident_hears_it_and_one_key_subscribes_the_caller_to_its_updates()
    {
        using var page = new FakeStatusPage();
        var script = await PolledDuringIncidentAsync(page);

        var call = Call(AcmeMobile);
        await call.DialAsync();
        Assert.Contains("Please note: Twilio is reporting an incident, SMS Delivery Delays to Mozambique Movitel. Its status is investigating.", call.Said);
        Assert.Contains("Please note: Twilio is reporting an incident, SMS Delivery Delays from Subset of Twilio Short Codes to US Sprint. "
            + "Its status is monitoring.", call.Said);
        Assert.DoesNotContain("Maintenance", call.Said); // upcoming maintenances are not what anyone calls about
        await call.PressAsync("3");
        await call.RecordAsync();
        Ciptex.Voice.Tests.Infrastructure.ApprovedTwiml.AssertMatches("ticket-read-back-offer-updates", call.Twiml);
        await call.PressAsync("1");
        Ciptex.Voice.Tests.Infrastructure.ApprovedTwiml.AssertMatches("updates-subscribed", call.Twiml);

        // The demo data has a subscriber of its own; the caller is the one who came from the IVR.
        var subscription = Assert.Single(await App.QueryAsync(db => db.Set<Subscription>().Where(s => s.Source == "ivr").ToListAsync()));
        Assert.Equal((AcmeMobile, "twilio", "ivr"), (subscription.Phone, subscription.PageKey, subscription.Source));

        script.Post("4dtnnnnxnhn9", "mzbdntfd0001", "identified", "Movitel has found the fault.", "2020-06-16T14:20:00.000-07:00");
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await App.PollAsync("twilio");

        var update = Assert.Single(await TextsAsync(), m => m.Purpose == StatusPagePoller.UpdatePurpose && m.To == AcmeMobile);
        Assert.Equal((AcmeMobile, "Twilio incident: SMS Delivery Delays to Mozambique Movitel\nIdentified: Movitel has found the fault.\nhttp://stspg.io/q363nfb5wg00"),
            (update.To, update.Body));
    }

    [Fact]
    public async Task An_incident_stored_by_another_instance_is_announced_within_five_seconds()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.FromSummary("twilio-summary-2020-06-16.json");
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        var now = new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
        // Two instances of a scaled-out deployment on one database: one polls, the other answers the call.
        await using var poller = StatusPagesHost.Create([("twilio", "Twilio", page)], now: now);
        await using var answerer = StatusPagesHost.Create([("twilio", "Twilio", page)], databasePath: poller.DatabasePath, now: now);
        answerer.KeepDatabase = true;
        var before = new Ciptex.Voice.Tests.Infrastructure.PhoneCall(answerer.Twilio(), AcmeMobile, "CA00000000000000000000000000000101");
        await before.DialAsync();
        Assert.DoesNotContain("Twilio is reporting an incident", before.Said);

        await poller.PollAsync("twilio");
        answerer.Time.Advance(TimeSpan.FromSeconds(5));

        var after = new Ciptex.Voice.Tests.Infrastructure.PhoneCall(answerer.Twilio(), AcmeMobile, "CA00000000000000000000000000000102");
        await after.DialAsync();
        Assert.Contains("Please note: Twilio is reporting an incident, SMS Delivery Delays to Mozambique Movitel. Its status is investigating.", after.Said);
    }

    /// <summary>The service polls Twilio's page while it shows the incidents of 16 June 2020.</summary>
    private async Task<PageScript> PolledDuringIncidentAsync(FakeStatusPage page)
    {
        App.Settings["StatusPages:Pages:0:Key"] = "twilio";
        App.Settings["StatusPages:Pages:0:Name"] = "Twilio";
        App.Settings["StatusPages:Pages:0:BaseUrl"] = page.Url;
        var script = PageScript.FromSummary("twilio-summary-2020-06-16.json");
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await App.PollAsync("twilio");
        return script;
    }

    [Fact]
    public async Task A_caller_who_once_texted_STOP_is_subscribed_and_told_to_text_START_first()
    {
        using var page = new FakeStatusPage();
        await PolledDuringIncidentAsync(page);
        await App.Twilio().TwimlAsync("/twilio/sms/incoming", new Dictionary<string, string>
        {
            ["MessageSid"] = "SM00000000000000000000000000000001", ["From"] = AcmeMobile, ["To"] = "+443458800808", ["Body"] = "STOP",
        });

        var call = await RaiseAsync(AcmeMobile, "3");
        await call.PressAsync("1");

        Assert.Contains("please text the word START to this number", call.Said);
        Assert.Single(await App.QueryAsync(db => db.Set<Subscription>().Where(s => s.Source == "ivr").ToListAsync()));
    }
}
