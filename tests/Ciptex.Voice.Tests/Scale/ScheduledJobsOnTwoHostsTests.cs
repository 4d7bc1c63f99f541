using System.Net.Http.Json;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Sms;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tests.Sms;
using Ciptex.Voice.Tests.StatusPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Ciptex.Voice.Tests.Scale;

/// <summary>
/// Two instances sharing Quartz's clustered store: the real schedulers fire the jobs as the shared fake clock moves,
/// each firing on one instance, never two runs of a job at once, and every text reaches the fake Twilio once.
/// </summary>
public sealed class ScheduledJobsOnTwoHostsTests : IAsyncLifetime
{
    private static readonly string[] Subscribers = ["+447700900111", "+447700900112", "+447700900113"];
    private readonly PostgresDatabase _database = new();
    private readonly FakeTimeProvider _time = new(ScaleHost.Start);
    private readonly TwilioFake _twilio = new();
    private readonly FakeStatusPage _page = new();
    private readonly ClusterRuns _runs = new();
    private VoiceApp _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _twilio.AcceptsAll();
        _a = _runs.Listen(Host(), "instance-a");
        _b = _runs.Listen(Host(), "instance-b");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        _page.Dispose();
        _twilio.Dispose();
        await _database.DisposeAsync();
    }

    private VoiceApp Host()
    {
        var app = ScaleHost.On(_database, _time).SendingTo(_twilio);
        app.Settings["StatusPages:Pages:0:Key"] = "ciptex";
        app.Settings["StatusPages:Pages:0:Name"] = "Ciptex";
        app.Settings["StatusPages:Pages:0:BaseUrl"] = _page.Url;
        app.Settings["StatusPages:PollInterval"] = "00:00:01";
        app.Settings["Escalation:CheckInterval"] = "00:05:00";
        return app;
    }

    [Fact]
    public async Task Every_status_page_text_is_sent_exactly_once_when_two_instances_poll_one_page()
    {
        var script = PageScript.Empty();
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        _a.Started();
        _b.Started();
        await _a.SubscribeAsync(Subscribers[0], "ciptex");
        await _a.SubscribeAsync(Subscribers[1], "ciptex");
        await _b.SubscribeAsync(Subscribers[2], "ciptex");
        var poll = StatusPagePollJob.KeyFor("ciptex");
        await _runs.AdvanceUntilRunAsync(_time, poll, TimeSpan.FromSeconds(1)); // the baseline

        script.Add(PageScript.Incident("cpx000000001", "Calls fail to connect", "investigating", "major", "2026-11-26T10:00:05Z"));
        await ShowAndPollAsync(script, poll);
        script.Post("cpx000000001", "upd000000002", "identified", "A carrier route is down; calls are being moved.", "2026-11-26T10:00:30Z");
        await ShowAndPollAsync(script, poll);
        for (var repeat = 0; repeat < 5; repeat++)
            await _runs.AdvanceUntilRunAsync(_time, poll, TimeSpan.FromSeconds(1));
        await Task.WhenAll(_a.DispatchAsync(), _b.DispatchAsync());

        var queued = await _a.MessagesAsync();
        // Three subscribers times two announcements, and level 1 once for a major incident.
        Assert.Equal(7, queued.Count);
        Assert.Equal(queued.Select(m => (m.To, m.Body)).Order(), _twilio.Received.Select(r => (r.To, r.Body)).Order());
        AssertEachFiringRanOnceAndNeverTwoAtOnce(poll);
    }

    [Fact]
    public async Task Every_escalation_level_is_texted_once_when_two_instances_check_the_same_tickets()
    {
        var script = PageScript.Empty();
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        _a.Settings["Demo:Seed"] = "true"; // the customers
        _a.Started();
        _b.Started();
        var opened = await (await _a.CreateApiClient().PostAsJsonAsync("/api/tickets", new
        {
            accountNumber = "100001", category = "P2", summary = "Inbound calls fail with a fast busy tone", callerNumber = "+447700900123",
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<global::Ciptex.Voice.Tickets.TicketDto>();

        // 10:00 to 14:30 in five-minute checks: half, three quarters and all of the four-hour P2 target pass.
        while (_time.GetUtcNow() < ScaleHost.Start.AddHours(4.5))
        {
            await _runs.AdvanceUntilRunAsync(_time, EscalationCheckJob.Key, TimeSpan.FromMinutes(5));
            // Both dispatchers drain what the check queued before the clock moves on: a real clock never jumps past a
            // lease while a text is on its way to Twilio, and a fake one would hand it to the other dispatcher mid-send.
            await Task.WhenAll(_a.DispatchAsync(), _b.DispatchAsync());
        }

        string[] matrix = [VoiceApp.OnCallPhone, VoiceApp.TeamLeadPhone, VoiceApp.HeadOfSupportPhone];
        var sent = string.Join("\n", _twilio.Received.Select(r => $"{r.At:HH:mm:ss} {r.To}: {r.Body}"));
        Assert.True(matrix.SequenceEqual(_twilio.AcceptedTo.Where(matrix.Contains).Order()), sent);
        Assert.All(_twilio.Received.Where(r => matrix.Contains(r.To)), r => Assert.Contains(opened!.Reference, r.Body));
        Assert.Equal(3, await _b.QueryAsync(db => db.Set<OutboundMessage>().CountAsync(m => m.Purpose == "escalation")));
        AssertEachFiringRanOnceAndNeverTwoAtOnce(EscalationCheckJob.Key);
    }

    [Fact]
    public async Task A_poll_missed_while_no_instance_could_run_it_runs_once_and_the_schedule_carries_on_from_then()
    {
        var script = PageScript.Empty();
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        _a.Started();
        var poll = StatusPagePollJob.KeyFor("ciptex");
        await _runs.AdvanceUntilRunAsync(_time, poll, TimeSpan.FromSeconds(1));

        // Six hundred one-second polls are missed at once (every instance paused, or the database away)...
        _time.Advance(TimeSpan.FromMinutes(10));
        var jumpedAt = DateTime.UtcNow;
        // ...then time goes on, a second at a time, for four more polls.
        for (var poll4 = 0; poll4 < 4; poll4++)
            await _runs.AdvanceUntilRunAsync(_time, poll, TimeSpan.FromSeconds(1));

        var scheduler = await _a.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(new TriggerKey($"{poll.Name}-every", poll.Group));
        // One catch-up poll and then one a second, never a burst of the missed ones; and none of them is still due.
        Assert.Equal(4, _runs.Runs.Count(r => r.Job.Equals(poll) && r.StartedAt >= jumpedAt));
        Assert.True(trigger!.NextFireTimeUtc > _time.GetUtcNow() - TimeSpan.FromSeconds(1), $"a missed poll is still due at {trigger.NextFireTimeUtc:O}");
    }

    private async Task ShowAndPollAsync(PageScript script, JobKey poll)
    {
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await _runs.AdvanceUntilRunAsync(_time, poll, TimeSpan.FromSeconds(1));
    }

    private void AssertEachFiringRanOnceAndNeverTwoAtOnce(JobKey job)
    {
        var runs = _runs.Runs.Where(r => r.Job.Equals(job)).OrderBy(r => r.StartedAt).ToList();
        var hosts = string.Join(", ", runs.GroupBy(r => r.Host).Select(g => $"{g.Key}: {g.Count()}"));
        Assert.All(runs.GroupBy(r => r.ScheduledFor), firing => Assert.Single(firing));
        for (var i = 1; i < runs.Count; i++)
            Assert.True(runs[i].StartedAt >= runs[i - 1].FinishedAt, $"two runs of {job} overlapped ({hosts})");
    }
}
