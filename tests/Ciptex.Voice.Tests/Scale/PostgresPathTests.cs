using System.Net;
using System.Net.Http.Json;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace Ciptex.Voice.Tests.Scale;

/// <summary><c>Database:Provider=Postgres</c> end to end on a real server: schema, readiness, and one database for two instances.</summary>
public sealed class PostgresPathTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly FakeTimeProvider _time = new(ScaleHost.Start);
    private VoiceApp _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _a = ScaleHost.On(_database, _time);
        _a.Settings["Demo:Seed"] = "true";
        _b = ScaleHost.On(_database, _time);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_empty_database_gets_the_services_tables_and_the_schedulers_tables_and_the_instance_is_ready()
    {
        var ready = await _a.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(1L, await _database.ScalarAsync<long>("""SELECT count(*) FROM "__EFMigrationsHistory" WHERE "MigrationId" LIKE '%_Initial'"""));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'qrtz_triggers'"));
        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'SmsSendSlots'"));
        // Clustered: the scheduler checks in, so the other instances know it is alive.
        Assert.True(await _database.ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state") >= 1);
    }

    [Fact]
    public async Task A_second_instance_starting_on_a_migrated_database_is_ready_too()
    {
        _a.Started();

        var ready = await _b.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(2L, await _database.ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state"));
    }

    [Fact]
    public async Task A_ticket_raised_on_one_instance_is_visible_on_the_other_with_its_times_in_UTC()
    {
        // A backdated import written with a UK summer-time style offset: timestamptz takes only UTC, so it is converted.
        var created = await (await _a.CreateApiClient().PostAsJsonAsync("/api/tickets", new
        {
            accountNumber = "100002", category = "P2", summary = "Calls to the support line drop after the greeting",
            callerNumber = "07700 900123", openedAt = "2026-11-26T10:30:00+01:00",
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TicketDto>();

        var onB = await _b.CreateApiClient().GetFromJsonAsync<TicketDto>($"/api/tickets/{created!.Reference}");
        var listed = await _b.CreateApiClient().GetFromJsonAsync<List<TicketDto>>("/api/tickets?status=open&category=P2");

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.Zero), onB!.OpenedAt);
        Assert.Equal(TimeSpan.Zero, onB.FirstResponseDueAt.Offset);
        Assert.Equal((created.FirstResponseDueAt, "Brightside Health", "+447700900123"), (onB.FirstResponseDueAt, onB.Customer?.Name, onB.CallerNumber));
        Assert.Equal([created.Reference], listed!.Select(t => t.Reference));
    }

    [Fact]
    public async Task A_page_removed_from_the_configuration_keeps_its_job_in_the_store_and_is_skipped_not_failed()
    {
        // A deploy with two pages, then one that drops the Twilio page: the shared store still holds its job.
        _a.Settings["StatusPages:Pages:0:Key"] = "twilio";
        _a.Settings["StatusPages:Pages:0:Name"] = "Twilio";
        _a.Settings["StatusPages:Pages:0:BaseUrl"] = "http://127.0.0.1:9";
        _a.Settings["StatusPages:Pages:1:Key"] = "ciptex";
        _a.Settings["StatusPages:Pages:1:Name"] = "Ciptex";
        _a.Settings["StatusPages:Pages:1:BaseUrl"] = "http://127.0.0.1:9";
        await _a.Started().DisposeAsync();
        var runs = new ClusterRuns();
        runs.Listen(_b, "instance-b");
        _b.Settings["StatusPages:Pages:0:Key"] = "ciptex";
        _b.Settings["StatusPages:Pages:0:Name"] = "Ciptex";
        _b.Settings["StatusPages:Pages:0:BaseUrl"] = "http://127.0.0.1:9";
        var scheduler = await _b.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(StatusPagePollJob.KeyFor("twilio"), CancellationToken.None);
        var run = await runs.NextAsync(StatusPagePollJob.KeyFor("twilio"), TimeSpan.FromSeconds(30));

        Assert.Null(run.Failure);
        Assert.False(await _b.QueryAsync(db => db.Set<StatusPageState>().AnyAsync(s => s.PageKey == "twilio")));
    }
}
