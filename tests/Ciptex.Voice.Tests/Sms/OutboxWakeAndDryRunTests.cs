using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Sms;

public sealed class OutboxWakeAndDryRunTests : IAsyncLifetime
{
    private readonly TwilioFake _twilio = new();
    private readonly VoiceApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _twilio.Dispose();
    }

    [Fact]
    public async Task In_DryRun_texts_are_stored_as_simulated_and_no_HTTP_request_is_made()
    {
        _app.SendingTo(_twilio);
        _app.Settings["Twilio:DryRun"] = "true";
        _twilio.AcceptsAll();
        await _app.EnqueueAsync(Text(1), Text(2));

        await _app.DispatchAsync();

        Assert.Empty(_twilio.Server.LogEntries);
        Assert.Empty(_twilio.Received);
        Assert.All(await _app.MessagesAsync(), m =>
        {
            Assert.Equal(OutboundMessageStatus.Simulated, m.Status);
            Assert.Equal(_app.Time.GetUtcNow(), m.SentAt);
            Assert.Null(m.TwilioSid);
        });
    }

    [Fact]
    public async Task A_committed_text_is_sent_by_the_background_dispatcher_without_waiting_for_the_poll()
    {
        _app.SendingTo(_twilio);
        _twilio.AcceptsAll();
        await _app.DispatchAsync(); // the host is up and its dispatcher idle until the fake clock's poll interval

        await _app.EnqueueAsync(Text(1));

        // The fake clock never moves here, so only the commit's signal can have woken the dispatcher.
        await _twilio.ReceivedAtLeastAsync(1);
        Assert.Single(_twilio.Received);
    }

    [Fact]
    public async Task A_text_saved_inside_a_transaction_wakes_the_dispatcher_when_the_transaction_commits()
    {
        _app.SendingTo(_twilio);
        _twilio.AcceptsAll();
        await _app.DispatchAsync();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<SmsOutbox>().EnqueueAsync(Text(1));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        await _twilio.ReceivedAtLeastAsync(1);
        Assert.Single(_twilio.Received);
    }

    [Fact]
    public async Task A_Twilio_that_cannot_be_reached_leaves_the_text_queued_for_a_retry()
    {
        _app.SendingTo(_twilio);
        _app.Settings["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9"; // discard port: nothing listens
        await _app.EnqueueAsync(Text(1));

        await _app.DispatchAsync();

        var message = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Queued, 1, null), (message.Status, message.Attempts, message.LeaseOwner));
        Assert.StartsWith("Twilio could not be reached", message.ErrorMessage);
        Assert.True(message.NextAttemptAt > _app.Time.GetUtcNow());
    }
}
