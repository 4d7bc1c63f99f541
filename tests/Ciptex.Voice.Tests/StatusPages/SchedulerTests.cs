using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>The real Quartz scheduler, on the test's fake clock: no poll is called by the test itself.</summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_page_is_polled_by_its_job_every_interval_once_the_clock_moves()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.Empty();
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await using var app = StatusPagesHost.Create([("ciptex", "Ciptex", page)]);
        app.Settings["StatusPages:PollInterval"] = "00:00:01";
        await app.SubscribeAsync("+447700900111", "ciptex");
        Assert.Equal(0, page.RequestCount); // the first poll is one interval after start

        await UntilAsync(app, async () => await BaselineDoneAsync(app));

        script.Add(PageScript.Incident("cpx000000001", "Portal down", "investigating", "minor", "2026-11-26T10:00:00Z"));
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        var outbox = new OutboxLog();
        var texts = new List<(string To, string Body)>();
        await UntilAsync(app, async () => { texts.AddRange(await outbox.NewAsync(app)); return texts.Count > 0; });

        Assert.Equal([("+447700900111", "Ciptex incident: Portal down\nInvestigating.\nhttps://stspg.io/cpx000000001")], texts);
    }

    [Fact]
    public async Task A_page_can_be_polled_at_once_by_triggering_its_job()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.Empty();
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await using var app = StatusPagesHost.Create([("twilio", "Twilio", page), ("ciptex", "Ciptex", page)]);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(StatusPagePollJob.KeyFor("ciptex"), CancellationToken.None);

        await UntilAsync(app, async () => await BaselineDoneAsync(app), advanceClock: false);
        Assert.False(await app.QueryAsync(db => db.Set<StatusPageState>().AnyAsync(s => s.PageKey == "twilio")));
    }

    private static Task<bool> BaselineDoneAsync(VoiceApp app) =>
        app.QueryAsync(db => db.Set<StatusPageState>().AnyAsync(s => s.PageKey == "ciptex" && s.BaselineAt != null));

    /// <summary>Waits for an outcome, moving the fake clock a second at a time; fails after a bounded real time.</summary>
    private static async Task UntilAsync(VoiceApp app, Func<Task<bool>> outcome, bool advanceClock = true)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await outcome())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Nothing happened within {Patience.TotalSeconds} s.");
            if (advanceClock)
                app.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }
}
