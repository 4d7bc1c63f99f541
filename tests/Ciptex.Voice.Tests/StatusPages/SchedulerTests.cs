using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>The real Quartz scheduler, on the test's fake clock: no poll is called by the test itself.</summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task Each_page_is_polled_by_its_job_every_interval_once_the_clock_moves()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.Empty();
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await using var app = StatusPagesHost.Create([("ciptex", "Ciptex", page)]);
        app.Settings["StatusPages:PollInterval"] = "00:00:01";
        var runs = JobRuns.AddTo(app);
        await app.SubscribeAsync("+447700900111", "ciptex");
        Assert.Equal(0, page.RequestCount); // the first poll is one interval after start

        await runs.AdvanceUntilRunAsync(app, StatusPagePollJob.KeyFor("ciptex"));
        Assert.True(await BaselineDoneAsync(app));

        script.Add(PageScript.Incident("cpx000000001", "Portal down", "investigating", "minor", "2026-11-26T10:00:00Z"));
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        var outbox = new OutboxLog();
        await runs.AdvanceUntilRunAsync(app, StatusPagePollJob.KeyFor("ciptex"));
        var texts = await outbox.NewAsync(app);

        Assert.Equal([("+447700900111", "Ciptex incident: Portal down\nInvestigating.\nhttps://stspg.io/cpx000000001")], texts);
    }

    [Fact]
    public async Task A_page_can_be_polled_at_once_by_triggering_its_job()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.Empty();
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await using var app = StatusPagesHost.Create([("twilio", "Twilio", page), ("ciptex", "Ciptex", page)]);
        var runs = JobRuns.AddTo(app);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(StatusPagePollJob.KeyFor("ciptex"), CancellationToken.None);
        await runs.NextAsync(StatusPagePollJob.KeyFor("ciptex"));

        Assert.True(await BaselineDoneAsync(app));
        Assert.False(await app.QueryAsync(db => db.Set<StatusPageState>().AnyAsync(s => s.PageKey == "twilio")));
    }

    private static Task<bool> BaselineDoneAsync(VoiceApp app) =>
        app.QueryAsync(db => db.Set<StatusPageState>().AnyAsync(s => s.PageKey == "ciptex" && s.BaselineAt != null));
}
