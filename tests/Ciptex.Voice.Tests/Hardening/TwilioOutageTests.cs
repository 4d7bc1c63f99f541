using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>Twilio's REST API down for ten minutes during a busy moment, then back.</summary>
public sealed class TwilioOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(10);
    private readonly TwilioFake _twilio = new();
    private readonly VoiceApp _app = new();
    private bool _down = true;

    public TwilioOutageTests()
    {
        _twilio.AnswersWith(_ => _down ? (503, "<html><body>Service Unavailable</body></html>") : null);
        _app.SendingTo(_twilio, perSecond: 50);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _twilio.Dispose();
    }

    [Fact]
    public async Task Every_text_queued_during_the_outage_is_sent_once_afterwards_P1_pages_first_and_in_priority_order()
    {
        // Queued lowest priority first, so that sending in queue order would get the order wrong.
        var texts = new List<OutgoingSms>();
        var priorities = new[] { MessagePriority.StatusUpdate, MessagePriority.Customer, MessagePriority.Page, MessagePriority.UrgentPage };
        for (var n = 1; n <= 40; n++)
            texts.Add(Text(n, priorities[(n - 1) / 10]));
        await _app.EnqueueAsync(texts.ToArray());
        var priorityOf = texts.ToDictionary(t => t.To, t => t.Priority);

        var end = _app.Time.GetUtcNow() + Outage;
        await DispatchUntilAsync(() => _app.Time.GetUtcNow() >= end);
        var triedDuringOutage = _twilio.Received.Count;
        _down = false;
        await DispatchUntilAsync(() => _twilio.AcceptedTo.Count == texts.Count || _app.Time.GetUtcNow() > end + TimeSpan.FromHours(1));

        Assert.All(_twilio.Received.Take(triedDuringOutage), r => Assert.Equal(503, r.Status));
        Assert.Equal(texts.Select(t => t.To).Order(), _twilio.AcceptedTo.Order()); // everything, once
        var order = _twilio.AcceptedTo.Select(to => priorityOf[to]).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(MessagePriority.UrgentPage, order[0]);
        // The dispatcher probes a failing Twilio rather than burning every text's attempts on it.
        Assert.InRange(triedDuringOutage, 2, 15);
        Assert.All(await _app.MessagesAsync(), m => Assert.Equal(OutboundMessageStatus.Sent, m.Status));
    }

    /// <summary>Runs the dispatcher the way its own loop does: a pass, then the fake clock moves to when it said to come back.</summary>
    private async Task DispatchUntilAsync(Func<bool> done)
    {
        while (!done())
        {
            var pass = await _app.DispatchAsync();
            var now = _app.Time.GetUtcNow();
            var next = pass.NextDueAt is { } due && due > now ? due - now : TimeSpan.FromSeconds(1);
            _app.Time.Advance(next < TimeSpan.FromSeconds(1) ? next : TimeSpan.FromSeconds(1));
        }
    }
}
