using Ciptex.Voice.StatusPages;

namespace Ciptex.Voice.Tests.StatusPages;

public sealed class FailureAlertTests
{
    [Fact]
    public async Task On_call_hears_once_when_a_page_has_failed_N_times_in_a_row_and_once_when_it_is_back()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.Empty();
        await using var app = StatusPagesHost.Create([("ciptex", "Ciptex", page)], failureAlertAfter: 2);
        await app.SubscribeAsync("+447700900111", "ciptex");
        var outbox = new OutboxLog();
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await app.PollAsync("ciptex");

        page.Answers(503, "Service Unavailable");
        var since = app.Time.GetUtcNow();
        Assert.Equal(PollOutcome.Failed, (await app.PollAsync("ciptex")).Outcome);
        Assert.Empty(await outbox.NewAsync(app));

        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.PollAsync("ciptex");
        var down = $"{page.Authority} unreachable since {StatusPagesHost.Utc(since)} (2 failed polls; last: /api/v2/incidents.json answered HTTP 503). "
            + "Ciptex status texts are on hold.";
        Assert.Equal([(StatusPagesHost.OnCall, down)], await outbox.NewAsync(app));

        for (var i = 0; i < 3; i++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(1));
            await app.PollAsync("ciptex");
        }
        Assert.Empty(await outbox.NewAsync(app));

        app.Time.Advance(TimeSpan.FromMinutes(1));
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        Assert.Equal(PollOutcome.Polled, (await app.PollAsync("ciptex")).Outcome);
        var up = $"{page.Authority} reachable again at {StatusPagesHost.Utc(app.Time.GetUtcNow())}, after failing since {StatusPagesHost.Utc(since)}.";
        Assert.Equal([(StatusPagesHost.OnCall, up)], await outbox.NewAsync(app));

        // A later outage is a new one: on-call hears about it too.
        page.Answers(500);
        await app.PollAsync("ciptex");
        await app.PollAsync("ciptex");
        Assert.Single(await outbox.NewAsync(app));
    }

    [Fact]
    public async Task Failures_before_the_threshold_are_forgotten_after_a_success()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.Empty();
        await using var app = StatusPagesHost.Create([("ciptex", "Ciptex", page)], failureAlertAfter: 2);
        var outbox = new OutboxLog();

        page.Answers(500);
        await app.PollAsync("ciptex");
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await app.PollAsync("ciptex");
        page.Answers(500);
        await app.PollAsync("ciptex");

        Assert.Empty(await outbox.NewAsync(app));
    }
}
