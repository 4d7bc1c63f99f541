using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tests.StatusPages;
using Microsoft.Extensions.DependencyInjection;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>
/// The process dies in the middle of a status fan-out, at the worst instant: Twilio has accepted a text and the
/// process is gone before it could record it. A new process on the same database sends everything that was left;
/// the one text in flight goes twice, the bound the README gives (one per dispatcher per crash), and no more.
/// </summary>
public sealed class FanOutCrashTests : IAsyncLifetime
{
    private const int Subscribers = 100;
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"ciptex-voice-fanout-{Guid.NewGuid():N}.db");
    private readonly TwilioFake _twilio = new();
    private readonly FakeStatusPage _page = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _twilio.Dispose();
        _page.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        VoiceApp.DeleteDatabase(_database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_fan_out_cut_short_by_a_killed_process_reaches_every_subscriber_after_a_restart_with_at_most_one_double()
    {
        _twilio.AcceptsAll();
        var phones = Enumerable.Range(1, Subscribers).Select(Phone).ToList();
        var script = PageScript.Empty();
        var first = StatusPagesHost.Create([("ciptex", "Ciptex", _page)], _database).SendingTo(_twilio, perSecond: 20);
        first.KeepDatabase = true;
        await first.WithDbAsync(async db =>
        {
            db.AddRange(phones.Select(p => new Subscription { Phone = p, PageKey = "ciptex", Source = "api", SubscribedAt = first.Time.GetUtcNow() }));
            await db.SaveChangesAsync();
        });
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await first.PollAsync("ciptex");
        script.Add(PageScript.Incident("cpx000000001", "Portal down", "investigating", "minor", "2026-11-26T09:55:00Z",
            PageScript.Update("cpxupd000000", "cpx000000001", "investigating", "We are looking into it.", "2026-11-26T09:55:00Z")));
        _page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await first.PollAsync("ciptex");
        await first.DispatchAsync(); // the first second's worth goes out

        // The kill: a text claimed and accepted by Twilio, and the process gone before it wrote that down.
        var inFlight = await first.InScopeAsync(s => s.GetRequiredService<OutboxLeases>().ClaimNextAsync("killed-host:1:0", first.Time.GetUtcNow(), default));
        Assert.NotNull(inFlight);
        await TwilioAcceptsAsync(inFlight.To, inFlight.Body);
        var sentBeforeTheKill = _twilio.AcceptedTo.Count;
        Assert.InRange(sentBeforeTheKill, 2, Subscribers / 2);
        Assert.Equal(Subscribers, (await first.MessagesAsync()).Count);
        await first.DisposeAsync();

        await using var second = new VoiceApp(_database).SendingTo(_twilio, perSecond: 20);
        second.Time.Advance(OutboxLeases.Duration + TimeSpan.FromSeconds(1));
        for (var second_ = 0; second_ < 30 && (await second.MessagesAsync()).Any(m => m.Status == OutboundMessageStatus.Queued); second_++)
        {
            await second.DispatchAsync();
            second.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(phones, _twilio.AcceptedTo.Distinct().Order());
        var doubles = _twilio.AcceptedTo.GroupBy(to => to).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Equal([inFlight.To], doubles);
        Assert.Equal(Subscribers + 1, _twilio.AcceptedTo.Count);
        Assert.All(await second.MessagesAsync(), m => Assert.Equal(OutboundMessageStatus.Sent, m.Status));
    }

    /// <summary>What the dead process's request did before it died: Twilio took the text.</summary>
    private async Task TwilioAcceptsAsync(string to, string body)
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync(_twilio.Url + TwilioFake.MessagesPath,
            new FormUrlEncodedContent([new("To", to), new("From", SupportNumber), new("Body", body)]));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }
}
