using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tests.Sms;
using Ciptex.Voice.Tests.StatusPages;
using Microsoft.Extensions.Time.Testing;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Scale;

/// <summary>A deploy or a failed machine: one of two instances stops in the middle of its work and the other finishes it.</summary>
public sealed class HostStoppedMidwayTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly FakeTimeProvider _time = new(ScaleHost.Start);
    private readonly TwilioFake _twilio = new();
    private readonly FakeStatusPage _page = new();
    private readonly ClusterRuns _runs = new();
    private VoiceApp _a = null!, _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
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
        return app;
    }

    [Fact]
    public async Task When_one_instance_stops_mid_batch_the_other_sends_the_rest_once_and_keeps_polling_the_pages()
    {
        const int count = 12;
        var script = PageScript.Empty();
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        // Slow answers keep instance A in the middle of the batch when it is stopped.
        _twilio.AcceptsAll(delay: TimeSpan.FromMilliseconds(150));
        _a.Started();
        _b.Started();
        await _a.SubscribeAsync("+447700900111", "ciptex");
        var poll = StatusPagePollJob.KeyFor("ciptex");
        await _runs.AdvanceUntilRunAsync(_time, poll, TimeSpan.FromSeconds(1)); // the baseline, on either instance

        await _a.EnqueueAsync(Enumerable.Range(1, count).Select(n => Text(n)).ToArray());
        await _twilio.ReceivedAtLeastAsync(3);
        await _a.DisposeAsync();
        var sentByA = _twilio.Received.Count;
        Assert.InRange(sentByA, 3, count - 1);

        // A stop leaves no lease behind: B takes over at once, without waiting for one to expire.
        var pass = await _b.DispatchAsync();
        Assert.Equal(count - sentByA, pass.Handled);
        Assert.Equal(Enumerable.Range(1, count).Select(Phone), _twilio.AcceptedTo.Order());

        script.Add(PageScript.Incident("cpx000000009", "Portal slow to load", "investigating", "minor", "2026-11-26T10:01:00Z"));
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        var run = await _runs.AdvanceUntilRunAsync(_time, poll, TimeSpan.FromSeconds(1));
        await _b.DispatchAsync();

        Assert.Equal("instance-b", run.Host);
        Assert.Equal(1, _twilio.AcceptedTo.Count(to => to == "+447700900111"));
        Assert.Contains(_twilio.Received, r => r.To == "+447700900111" && r.Body.Contains("Portal slow to load", StringComparison.Ordinal));
    }
}
