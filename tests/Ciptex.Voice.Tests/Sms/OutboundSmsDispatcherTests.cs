using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Sms;

public sealed class OutboundSmsDispatcherTests : IAsyncLifetime
{
    private readonly TwilioFake _twilio = new();
    private readonly VoiceApp _app = new();

    public Task InitializeAsync()
    {
        _app.SendingTo(_twilio);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _twilio.Dispose();
    }

    [Fact]
    public async Task A_queued_text_goes_to_Twilio_once_from_the_support_number_with_a_status_callback()
    {
        _twilio.AcceptsAll();
        await _app.EnqueueAsync(Text(1));

        await _app.DispatchAsync();

        var request = Assert.Single(_twilio.Received);
        Assert.Equal((Phone(1), "Test message 1", SupportNumber), (request.To, request.Body, request.From));
        Assert.Equal("https://voice.ciptex.test/twilio/sms/status", request.StatusCallback);
        Assert.Null(request.MessagingServiceSid);
        var message = await _app.MessageAsync("test:1");
        Assert.Equal(OutboundMessageStatus.Sent, message.Status);
        Assert.StartsWith("SM", message.TwilioSid);
        Assert.Equal((1, SupportNumber, _app.Time.GetUtcNow()), (message.Attempts, message.Sender, message.SentAt));
        Assert.Null(message.LeaseOwner);
    }

    [Fact]
    public async Task With_a_messaging_service_configured_texts_carry_its_SID_and_no_From()
    {
        _app.Settings["Twilio:MessagingServiceSid"] = "MG00000000000000000000000000000001";
        _twilio.AcceptsAll();
        await _app.EnqueueAsync(Text(1));

        await _app.DispatchAsync();

        var request = Assert.Single(_twilio.Received);
        Assert.Equal(("MG00000000000000000000000000000001", null), (request.MessagingServiceSid, request.From));
        Assert.Equal("MG00000000000000000000000000000001", (await _app.MessageAsync("test:1")).Sender);
    }

    [Fact]
    public async Task Two_429s_then_success_send_the_text_exactly_once_after_backing_off()
    {
        const string busy = "rest-error-429-20429.CONSTRUCTED.json";
        _twilio.FailsFirst((429, busy), (429, busy));
        await _app.EnqueueAsync(Text(1));

        await _app.DispatchAsync();
        var waiting = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Queued, 1, 20429), (waiting.Status, waiting.Attempts, waiting.ErrorCode));
        Assert.InRange(waiting.NextAttemptAt - _app.Time.GetUtcNow(), SendRetryPolicy.Delay(1, 0), SendRetryPolicy.LongestDelay(1));

        await _app.DispatchAsync();
        Assert.Single(_twilio.Received); // not before the backoff has passed

        _app.Time.Advance(SendRetryPolicy.LongestDelay(1));
        await _app.DispatchAsync();
        Assert.Equal(2, _twilio.Received.Count);

        _app.Time.Advance(SendRetryPolicy.LongestDelay(2));
        await _app.DispatchAsync();
        _app.Time.Advance(SendRetryPolicy.MaxDelay);
        await _app.DispatchAsync();

        Assert.Equal([429, 429, 201], _twilio.Received.Select(r => r.Status));
        Assert.Equal([Phone(1)], _twilio.AcceptedTo);
        var sent = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Sent, 3, null), (sent.Status, sent.Attempts, sent.ErrorCode));
    }

    [Fact]
    public async Task Random_server_errors_still_send_every_text_exactly_once()
    {
        var random = new Random(20261126);
        _twilio.AnswersWith(_ => random.Next(10) switch
        {
            < 3 => (500, TwilioFake.Fixture("rest-error-500-20500.CONSTRUCTED.json")),
            < 5 => (503, "<html><body>Service Unavailable</body></html>"),
            _ => null,
        });
        await _app.EnqueueAsync(Enumerable.Range(1, 30).Select(n => Text(n)).ToArray());

        for (var round = 0; round < 20 && (await _app.MessagesAsync()).Any(m => m.Status == OutboundMessageStatus.Queued); round++)
        {
            await _app.DispatchAsync();
            _app.Time.Advance(SendRetryPolicy.MaxDelay);
        }

        Assert.Contains(_twilio.Received, r => r.Status == 500);
        Assert.Contains(_twilio.Received, r => r.Status == 503);
        Assert.Equal(Enumerable.Range(1, 30).Select(Phone).Order(), _twilio.AcceptedTo.Order());
        Assert.All(await _app.MessagesAsync(), m => Assert.Equal(OutboundMessageStatus.Sent, m.Status));
    }

    [Theory]
    [InlineData(21211, 400)]
    [InlineData(21408, 400)]
    [InlineData(21614, 400)]
    [InlineData(21635, 400)]
    [InlineData(21602, 400)] // not named anywhere: every 4xx but 429 and 401 is permanent
    [InlineData(20404, 404)]
    public async Task A_permanent_error_fails_the_text_at_once_with_Twilios_code_and_is_not_retried(int code, int status)
    {
        _twilio.AnswersWith(_ => (status, TwilioFake.Error(code, status, "Refused")));
        await _app.EnqueueAsync(Text(1));

        await _app.DispatchAsync();
        _app.Time.Advance(SendRetryPolicy.MaxDelay * 2);
        await _app.DispatchAsync();

        Assert.Single(_twilio.Received);
        var message = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Failed, code, 1), (message.Status, message.ErrorCode, message.Attempts));
        Assert.Equal("Refused", message.ErrorMessage);
    }

    [Fact]
    public async Task A_21610_is_not_retried_and_opts_the_number_out_so_nothing_more_is_sent_to_it()
    {
        _twilio.AcceptsAll().Refuses(Phone(1), 400, "rest-error-400-21610.CONSTRUCTED.json");
        await _app.EnqueueAsync(Text(1), Text(2));

        await _app.DispatchAsync();
        _app.Time.Advance(SendRetryPolicy.MaxDelay);
        await _app.EnqueueAsync(new OutgoingSms("later:1", Phone(1), "Another update", "test"));
        await _app.DispatchAsync();

        Assert.Equal([Phone(1), Phone(2)], _twilio.Received.Select(r => r.To).Order());
        var refused = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Failed, 21610), (refused.Status, refused.ErrorCode));
        Assert.Equal(OutboundMessageStatus.OptedOut, (await _app.MessageAsync("later:1")).Status);
        Assert.Equal(OutboundMessageStatus.Sent, (await _app.MessageAsync("test:2")).Status);
        Assert.True(await _app.InScopeAsync(s => s.GetRequiredService<SmsConsent>().IsOptedOutAsync(Phone(1), SupportNumber, default)));
    }

    [Fact]
    public async Task A_transient_failure_that_never_clears_fails_the_text_after_the_attempt_limit()
    {
        _twilio.AnswersWith(_ => (500, TwilioFake.Fixture("rest-error-500-20500.CONSTRUCTED.json")));
        await _app.EnqueueAsync(Text(1));

        for (var i = 0; i < SendRetryPolicy.MaxAttempts + 3; i++)
        {
            await _app.DispatchAsync();
            _app.Time.Advance(SendRetryPolicy.MaxDelay);
        }

        Assert.Equal(SendRetryPolicy.MaxAttempts, _twilio.Received.Count);
        var message = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Failed, 20500), (message.Status, message.ErrorCode));
        Assert.StartsWith($"Gave up after {SendRetryPolicy.MaxAttempts} attempts", message.ErrorMessage);
    }

    [Fact]
    public async Task A_201_whose_body_cannot_be_read_counts_as_sent_and_is_never_sent_again()
    {
        _twilio.AnswersWith(_ => (201, "<html>created</html>"));
        await _app.EnqueueAsync(Text(1));

        await _app.DispatchAsync();
        _app.Time.Advance(SendRetryPolicy.MaxDelay);
        await _app.DispatchAsync();

        Assert.Single(_twilio.Received);
        var message = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Sent, null), (message.Status, message.TwilioSid));
    }

    [Fact]
    public async Task Pages_go_before_customer_texts_and_status_updates_queued_with_them()
    {
        _twilio.AcceptsAll();
        await _app.EnqueueAsync(Text(1, MessagePriority.StatusUpdate), Text(2, MessagePriority.Customer), Text(3, MessagePriority.UrgentPage));

        await _app.DispatchAsync();

        Assert.Equal([Phone(3), Phone(2), Phone(1)], _twilio.Received.Select(r => r.To));
    }
}
