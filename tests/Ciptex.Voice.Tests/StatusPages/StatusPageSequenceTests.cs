using Ciptex.Voice.Sms;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>
/// Twilio's page over one afternoon, from the real 2020 response onwards, polled step by step with the exact texts
/// expected after each poll. The service is restarted on the same database half way through.
/// </summary>
public sealed class StatusPageSequenceTests : IAsyncLifetime
{
    private const string Alice = "+447700900111";
    private const string Bob = "+447700900222";
    private const string Twilio = "twilio";
    private const string Mozambique = "4dtnnnnxnhn9";
    private const string Sprint = "r0f0vdz8vrgm";
    private const string Tele2 = "9szb6ydlg10w";
    private const string GitHubIncident = "ljwdk6qml8z8";
    private const string GitHubLink = "https://stspg.io/33vh8r7z43kh";

    private readonly FakeStatusPage _page = new();
    private readonly OutboxLog _outbox = new();
    private readonly PageScript _script = PageScript.FromSummary("twilio-summary-2020-06-16.json");
    private VoiceApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = StartApp();
        await _app.SubscribeAsync(Alice, Twilio);
        await _app.SubscribeAsync(Bob, Twilio);
    }

    public async Task DisposeAsync()
    {
        _app.KeepDatabase = false;
        await _app.DisposeAsync();
        _page.Dispose();
    }

    [Fact]
    public async Task Every_new_incident_and_update_is_texted_once_and_nothing_else_is_even_across_a_restart()
    {
        // 1. Baseline: the real response, byte for byte (\u0026 escapes, -07:00 offsets, components and all), on both endpoints.
        var raw = PageScript.RawFixture("twilio-summary-2020-06-16.json");
        _page.Shows(raw, raw);
        Assert.Equal(PollOutcome.Baseline, (await PollAsync()).Outcome);
        await ExpectTextsAsync();

        // 2. A new incident that already has 7 updates (GitHub's real one, impact major): one text, showing its latest update; on-call paged.
        _script.Add(PageScript.FixtureItem("github-summary-2022-11-25.json", GitHubIncident));
        await ShowAndPollAsync();
        var github = "Twilio incident: Incident with Packages and Pages\nInvestigating: Packages is now experiencing degraded performance. "
            + "We are still investigating and will provide an update when we have one.\n" + GitHubLink;
        await ExpectTextsAsync((Alice, github), (Bob, github),
            (StatusPagesHost.OnCall, github.Replace("Twilio incident:", "Twilio incident, impact major:", StringComparison.Ordinal)));

        // 3. Three updates on two incidents, listed out of order (and one with deliver_notifications false): oldest first.
        _script.Post(Mozambique, "mzbdntfd0001", "identified", "The issue has been identified: a routing fault at Movitel.\n\nA fix is being put in place.",
            "2020-06-16T14:20:00.000-07:00");
        _script.Post(Mozambique, "mzbmntr00002", "monitoring", "A fix has been implemented by Movitel & we are monitoring the results.",
            "2020-06-16T14:45:00.000-07:00", atIndex: 1);
        _script.Post(Sprint, "sprntrslv003", "resolved", "This incident has been resolved.", "2020-06-16T21:30:00.000Z", deliverNotifications: false);
        await ShowAndPollAsync();
        var identified = "Twilio incident: SMS Delivery Delays to Mozambique Movitel\n"
            + "Identified: The issue has been identified: a routing fault at Movitel. A fix is being put in place.\nhttp://stspg.io/q363nfb5wg00";
        var sprintResolved = "Twilio incident: SMS Delivery Delays from Subset of Twilio Short Codes to US Sprint\n"
            + "Resolved: This incident has been resolved.\nhttp://stspg.io/xwv6rz0r1yll";
        var monitoring = "Twilio incident: SMS Delivery Delays to Mozambique Movitel\n"
            + "Monitoring: A fix has been implemented by Movitel & we are monitoring the results.\nhttp://stspg.io/q363nfb5wg00";
        await ExpectTextsAsync((Alice, identified), (Bob, identified), (Alice, sprintResolved), (Bob, sprintResolved), (Alice, monitoring), (Bob, monitoring));

        // 4. An update edited in place, and fields no client has heard of: nothing.
        var edited = _script.Find(Mozambique)["incident_updates"]![0]!.AsObject();
        edited["body"] = "The issue has been identified: a routing fault at Movitel Mozambique.";
        edited["updated_at"] = "2020-06-16T14:50:00.000-07:00";
        edited["translations"] = new System.Text.Json.Nodes.JsonObject { ["pt"] = "O problema foi identificado." };
        _script.Find(Mozambique)["reactions"] = new System.Text.Json.Nodes.JsonArray(1, 2, 3);
        await ShowAndPollAsync();
        await ExpectTextsAsync();

        // 5. An incident created already resolved (backfilled): one text, as resolved.
        _script.Add(PageScript.Incident("bckfld000001", "Voice calls to Brazil failed", "resolved", "minor", "2020-06-16T15:10:00.000-07:00",
            PageScript.Update("bckfldrslv02", "bckfld000001", "resolved", "Between 14:50 and 15:05 PDT some calls to Brazil failed. This incident has been resolved.",
                "2020-06-16T15:10:30.000-07:00"),
            PageScript.Update("bckfldnvst01", "bckfld000001", "investigating", "Calls to Brazil are failing.", "2020-06-16T15:10:00.000-07:00")));
        await ShowAndPollAsync();
        var backfilled = "Twilio incident: Voice calls to Brazil failed\n"
            + "Resolved: Between 14:50 and 15:05 PDT some calls to Brazil failed. This incident has been resolved.\nhttps://stspg.io/bckfld000001";
        await ExpectTextsAsync((Alice, backfilled), (Bob, backfilled));

        // 6. A scheduled maintenance starts.
        _script.Post(Tele2, "t2rsnprgrs01", "in_progress", "Scheduled maintenance is currently in progress. We will provide updates as necessary.",
            "2020-06-16T16:00:00.000-07:00");
        await ShowAndPollAsync();
        var tele2 = "Twilio maintenance: [Scheduled] SMS Carrier Maintenance - Tele2 Russia\n"
            + "In progress: Scheduled maintenance is currently in progress. We will provide updates as necessary.\nhttp://stspg.io/rn0vdmd9brxy";
        await ExpectTextsAsync((Alice, tele2), (Bob, tele2));
        Assert.Equal(["Incident with Packages and Pages", "SMS Delivery Delays to Mozambique Movitel", "[Scheduled] SMS Carrier Maintenance - Tele2 Russia"],
            (await _app.OpenIncidentsAsync()).Select(i => i.Name).Order(StringComparer.Ordinal));

        // 7. A restart on the same database, with news posted while the service was down: the news is texted, and only
        // it (nothing from before is repeated, nothing is swallowed as a new baseline). Unicode and emoji, sent as raw
        // UTF-8, go as UCS-2, whole. The major incident is not paged twice.
        _script.Post(GitHubIncident, "ghmntr000007", "monitoring", "Packages are recovering ✅ Café “latté” orders 🍰 déjà vu — merci 🙏",
            "2022-11-25T16:05:00.000Z");
        await RestartAsync();
        await ShowAndPollAsync(rawUtf8: true);
        var emoji = "Twilio incident: Incident with Packages and Pages\nMonitoring: Packages are recovering ✅ Café “latté” orders 🍰 déjà vu — merci 🙏\n" + GitHubLink;
        await ExpectTextsAsync((Alice, emoji), (Bob, emoji));
        await ShowAndPollAsync(); // the same again under a new ETag, so it is read in full: nothing
        await ExpectTextsAsync();

        // 8. A real maintenance with curly quotes, too long for three UCS-2 segments: cut on a word, the link kept.
        _script.Add(PageScript.FixtureItem("cloudamqp-summary-maintenance-in-progress-2020-07-16.json", "qy6n39trpl7l"), maintenance: true);
        await ShowAndPollAsync();
        var cloudAmqp = SmsText.Shape("Twilio maintenance: Upgrade of shared servers “jellyfish”, “wildboar”, and “reindeer”\n"
            + "In progress: Scheduled maintenance is currently in progress. We will provide updates as necessary.\nhttp://stspg.io/3crfld0dxr87").Text;
        Assert.Contains("…\nhttp://stspg.io/3crfld0dxr87", cloudAmqp, StringComparison.Ordinal);
        await ExpectTextsAsync((Alice, cloudAmqp), (Bob, cloudAmqp));
        var lastGood = _page.Shows(_script.IncidentsJson(), _script.MaintenancesJson());
        await PollAsync(); // the same again, read in full: nothing
        await ExpectTextsAsync();

        // 9–12. Truncated JSON, HTML with 200, 500, timeout: each poll fails and changes nothing; on-call hears once, at the third.
        var tracked = await _app.TrackingAsync();
        var failingSince = Advance();
        _page.Answers(200, _script.IncidentsJson()[..4000], "application/json");
        Assert.Equal(PollOutcome.Failed, (await _app.PollAsync(Twilio)).Outcome);
        _page.Answers(200, "<!DOCTYPE html><html><body><h1>We'll be right back</h1></body></html>");
        Assert.Equal(PollOutcome.Failed, (await PollAsync()).Outcome);
        await ExpectTextsAsync();
        _page.Answers(500, "<html><body>Internal Server Error</body></html>");
        Assert.Equal(PollOutcome.Failed, (await PollAsync()).Outcome);
        await ExpectTextsAsync((StatusPagesHost.OnCall, $"{_page.Authority} unreachable since {StatusPagesHost.Utc(failingSince)} "
            + "(3 failed polls; last: /api/v2/incidents.json answered HTTP 500). Twilio status texts are on hold."));
        _page.Answers(200, _script.IncidentsJson(), "application/json", delay: TimeSpan.FromSeconds(8));
        var timedOut = await PollAsync();
        Assert.Equal((PollOutcome.Failed, "/api/v2/incidents.json did not answer within 5 s"), (timedOut.Outcome, timedOut.Error));
        await ExpectTextsAsync();

        // 13. Back, and unchanged: the ETag is presented, a 304 comes back, nothing about incidents changes; on-call hears once.
        _page.ShowsAgain();
        Assert.Equal(PollOutcome.NotModified, (await PollAsync()).Outcome);
        Assert.Equal((lastGood, 304), _page.LastRequestTo(FakeStatusPage.IncidentsPath));
        await ExpectTextsAsync((StatusPagesHost.OnCall,
            $"{_page.Authority} reachable again at {StatusPagesHost.Utc(_app.Time.GetUtcNow())}, after failing since {StatusPagesHost.Utc(failingSince)}."));
        Assert.Equal(tracked, await _app.TrackingAsync());

        // 14. A valid answer from which open incidents are missing resolves nothing and texts nothing.
        var full = (_script.Find(Mozambique).DeepClone().AsObject(), _script.Find(GitHubIncident).DeepClone().AsObject());
        _script.Remove(Mozambique);
        _script.Remove(GitHubIncident);
        await ShowAndPollAsync();
        await ExpectTextsAsync();
        Assert.Contains(await _app.OpenIncidentsAsync(), i => i.Name == "SMS Delivery Delays to Mozambique Movitel");

        // 15. Then it is resolved for real.
        _script.Add(full.Item2);
        _script.Add(full.Item1);
        _script.Post(Mozambique, "mzbrslv00003", "resolved", "This incident has been resolved.", "2020-06-16T17:00:00.000-07:00");
        await ShowAndPollAsync();
        var resolved = "Twilio incident: SMS Delivery Delays to Mozambique Movitel\nResolved: This incident has been resolved.\nhttp://stspg.io/q363nfb5wg00";
        await ExpectTextsAsync((Alice, resolved), (Bob, resolved));
        Assert.DoesNotContain(await _app.OpenIncidentsAsync(), i => i.Name == "SMS Delivery Delays to Mozambique Movitel");
    }

    private VoiceApp StartApp(string? databasePath = null, DateTimeOffset? now = null)
    {
        var app = StatusPagesHost.Create([(Twilio, "Twilio", _page)], databasePath, now, failureAlertAfter: 3, requestTimeout: "00:00:05");
        app.KeepDatabase = true;
        return app;
    }

    private async Task RestartAsync()
    {
        var (path, now) = (_app.DatabasePath, _app.Time.GetUtcNow());
        await _app.DisposeAsync();
        _app = StartApp(path, now);
    }

    private DateTimeOffset Advance()
    {
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        return _app.Time.GetUtcNow();
    }

    private async Task<PollResult> PollAsync()
    {
        Advance();
        return await _app.PollAsync(Twilio);
    }

    private async Task ShowAndPollAsync(bool rawUtf8 = false)
    {
        _page.Shows(_script.IncidentsJson(rawUtf8), _script.MaintenancesJson(rawUtf8));
        Assert.Equal(PollOutcome.Polled, (await PollAsync()).Outcome);
    }

    private async Task ExpectTextsAsync(params (string To, string Body)[] expected) =>
        Assert.Equal(expected, await _outbox.NewAsync(_app));
}
