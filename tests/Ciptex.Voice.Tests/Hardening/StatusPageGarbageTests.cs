using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tests.StatusPages;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>A status page that answers 200 with garbage for an hour is a page that is down, not one with no incidents.</summary>
public sealed class StatusPageGarbageTests
{
    private const string Subscriber = "+447700900111";

    [Fact]
    public async Task An_hour_of_garbage_sends_nothing_resolves_nothing_alerts_on_call_once_and_recovers()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.Empty();
        script.Add(PageScript.Incident("cpx000000001", "Portal down", "investigating", "minor", "2026-11-26T09:30:00Z"));
        await using var app = StatusPagesHost.Create([("ciptex", "Ciptex", page)], failureAlertAfter: 3);
        await app.SubscribeAsync(Subscriber, "ciptex");
        var outbox = new OutboxLog();
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await app.PollAsync("ciptex");
        await outbox.NewAsync(app);
        var tracked = await app.TrackingAsync();

        string[] garbage = ["<html><body>Bad gateway</body></html>", "{\"incidents\": [", "{}", "{\"incidents\": null}", "[]", "\u0000\u0001"];
        var texts = new List<(string To, string Body)>();
        var since = app.Time.GetUtcNow();
        for (var minute = 0; minute < 60; minute++)
        {
            page.Answers(200, garbage[minute % garbage.Length], "application/json");
            Assert.Equal(PollOutcome.Failed, (await app.PollAsync("ciptex")).Outcome);
            texts.AddRange(await outbox.NewAsync(app));
            app.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var alert = Assert.Single(texts);
        Assert.Equal(StatusPagesHost.OnCall, alert.To);
        Assert.StartsWith($"{page.Authority} unreachable since {StatusPagesHost.Utc(since)}", alert.Body);
        Assert.Equal(tracked, await app.TrackingAsync());
        Assert.Equal(["Portal down"], (await app.OpenIncidentsAsync()).Select(i => i.Name));

        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        Assert.Equal(PollOutcome.Polled, (await app.PollAsync("ciptex")).Outcome);
        var back = Assert.Single(await outbox.NewAsync(app));
        Assert.Equal(StatusPagesHost.OnCall, back.To);
        Assert.StartsWith($"{page.Authority} reachable again", back.Body);

        // And it is watched as before: the resolution reaches the subscriber.
        script.Post("cpx000000001", "cpxupd000001", "resolved", "The portal is back.", "2026-11-26T11:05:00Z");
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await app.PollAsync("ciptex");
        Assert.Contains(await outbox.NewAsync(app), text => text.To == Subscriber && text.Body.Contains("The portal is back.", StringComparison.Ordinal));
    }
}
