using Ciptex.Voice.Ivr;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using WireMock.Server;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>Messages callers left through twiml/fallback.xml while the service was down become tickets, once each.</summary>
public sealed class OutageRecordingsTests : IAsyncLifetime
{
    private const string Caller = "+447700900321";
    private const string AcmeMobile = "+447700900123"; // a demo customer's contact: straight to the category menu
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly VoiceApp _app = new();
    private readonly TwilioRecordings _twilio;
    private readonly JobRuns _runs;

    public OutageRecordingsTests()
    {
        _twilio = new TwilioRecordings(_server);
        _app.Settings["Twilio:ApiBaseUrl"] = _server.Url;
        _app.Settings["Demo:Seed"] = "true";
        _runs = JobRuns.AddTo(_app);
    }

    private DateTimeOffset Now => _app.Time.GetUtcNow();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _server.Stop();
    }

    [Fact]
    public async Task A_message_left_during_an_outage_becomes_one_unverified_P3_ticket_even_when_the_job_runs_twice()
    {
        var recordedAt = Now.AddMinutes(-40);
        _twilio.Took("RE00000000000000000000000000000001", "CA00000000000000000000000000000001", recordedAt, Caller);

        await RunJobAsync();
        await RunJobAsync();

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal(2, _twilio.ListRequests);
        Assert.Equal(("CA00000000000000000000000000000001", FaultCategory.P3, (int?)null, Caller), (ticket.CallSid, ticket.Category, ticket.CustomerId, ticket.CallerNumber));
        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{VoiceApp.AccountSid}/Recordings/RE00000000000000000000000000000001", ticket.RecordingUrl);
        Assert.Equal(("RE00000000000000000000000000000001", (int?)34), (ticket.RecordingSid, ticket.RecordingDurationSeconds));
        Assert.Equal(OutageRecordings.Summary, ticket.Summary);
        // The SLA clock started when the customer called, not when we came back.
        Assert.Equal(recordedAt.ToUnixTimeSeconds(), ticket.OpenedAt.ToUnixTimeSeconds());
        var text = Assert.Single(await _app.QueryAsync(db => db.Set<OutboundMessage>().ToListAsync()));
        Assert.Equal((Caller, $"ticket-confirmation:{ticket.Reference}"), (text.To, text.IdempotencyKey));
    }

    [Fact]
    public async Task Two_runs_racing_each_other_open_exactly_one_ticket_per_recording()
    {
        for (var i = 1; i <= 6; i++)
            _twilio.Took($"RE{i:D32}", $"CA{i:D32}", Now.AddMinutes(-30 - i), i % 2 == 0 ? null : $"+4477009004{i:D2}");

        var passes = await Task.WhenAll(RecoverAsync(), RecoverAsync());

        var tickets = await TicketsAsync();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"CA{i:D32}"), tickets.Select(t => t.CallSid).Order());
        Assert.All(tickets, t => Assert.Equal("RE" + t.CallSid![2..], t.RecordingSid));
        Assert.InRange(passes.Sum(p => p.Opened), 6, 12); // each run may try; the unique CallSid lets one win
        Assert.Equal(3, tickets.Count(t => t.CallerNumber is null)); // withheld numbers stay unknown
    }

    [Fact]
    public async Task Calls_the_IVR_already_ticketed_are_left_alone_and_a_ticket_missing_its_recording_gets_it()
    {
        var call = new PhoneCall(_app.Twilio(), AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("3");
        await call.RecordAsync("RE00000000000000000000000000000077");
        // A second call whose record action arrived but whose recording never did (status callback lost).
        var silent = new PhoneCall(_app.Twilio(), AcmeMobile);
        await silent.DialAsync();
        await silent.PressAsync("4");
        for (var i = 0; i < IvrScript.MaxAttempts; i++)
            await silent.SilenceAsync();
        _twilio.Took("RE00000000000000000000000000000077", call.CallSid, Now.AddMinutes(-20), AcmeMobile);
        _twilio.Took("RE00000000000000000000000000000078", silent.CallSid, Now.AddMinutes(-20), AcmeMobile);
        _app.Time.Advance(TimeSpan.FromMinutes(30));

        var pass = await RecoverAsync();

        var tickets = await TicketsAsync();
        Assert.Equal((0, 1), (pass.Opened, pass.Attached));
        Assert.Equal([FaultCategory.P3, FaultCategory.P4], tickets.Select(t => t.Category));
        Assert.Equal(["RE00000000000000000000000000000077", "RE00000000000000000000000000000078"], tickets.Select(t => t.RecordingSid));
    }

    [Fact]
    public async Task A_recording_still_in_its_grace_period_waits_and_a_category_chosen_before_the_outage_is_kept()
    {
        var call = new PhoneCall(_app.Twilio(), AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("2"); // P2, then the service went down before the recording came back
        _twilio.Took("RE00000000000000000000000000000009", call.CallSid, Now.AddMinutes(-1), AcmeMobile);
        _twilio.Took("RE00000000000000000000000000000010", "CA00000000000000000000000000000010", Now.AddMinutes(-1), Caller, status: "processing");

        Assert.Equal(0, (await RecoverAsync()).Opened);
        _app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, (await RecoverAsync()).Opened);

        var ticket = Assert.Single(await TicketsAsync());
        Assert.Equal((call.CallSid, FaultCategory.P2, AcmeMobile), (ticket.CallSid, ticket.Category, ticket.CallerNumber));
        Assert.NotNull(ticket.CustomerId); // known by the number, as the IVR had it
    }

    private async Task RunJobAsync()
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(OutageRecordingsJob.Key);
        await _runs.NextAsync(OutageRecordingsJob.Key);
    }

    private async Task<RecoveryPass> RecoverAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutageRecordings>().RecoverAsync(CancellationToken.None);
    }

    private Task<List<Ticket>> TicketsAsync() => _app.QueryAsync(db => db.Set<Ticket>().AsNoTracking().OrderBy(t => t.Id).ToListAsync());
}
