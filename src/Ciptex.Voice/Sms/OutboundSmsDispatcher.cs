using Ciptex.Voice.Phones;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Sms;

/// <param name="Handled">Texts this pass finished with (sent, simulated, failed, opted out or rescheduled).</param>
/// <param name="NextDueAt">When there may be more to do: a retry, an expiring lease or a free rate slot; null if nothing waits.</param>
public sealed record DispatchPass(int Handled, DateTimeOffset? NextDueAt);

/// <summary>
/// Sends the outbox: claims one due text at a time with a lease, re-checks consent, hands it to Twilio at no more
/// than <c>Twilio:MaxMessagesPerSecond</c> and records the answer at once. At most one text is in flight per
/// process, which is what bounds the one double no design can rule out (see README, "SMS delivery").
/// </summary>
public sealed class OutboundSmsDispatcher(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptionsMonitor<TwilioOptions> options, TimeProvider time,
    ILogger<OutboundSmsDispatcher> logger) : BackgroundService
{
    /// <summary>The safety net for texts nobody signalled: written by another instance, or a missed wake-up.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    // Consecutive transient failures, whatever the text: Twilio itself is failing, not one message. From the second
    // one on, nothing is sent until the last failed text's retry falls due; retries grow with the streak, so every
    // text that failed in it is due again by then and the queue resumes in priority order (P1 pages first).
    private int _failureStreak;
    private DateTimeOffset? _pausedUntil;

    // The rate limit was spent until then. Every save that adds a text wakes the dispatcher; before this instant a
    // wake-up has nothing to send, and claiming a text only to give it back cost two writes and three queries each
    // time, while callers' tickets waited for the write lock (docs/benchmarks.md).
    private DateTimeOffset? _rateFreeAt;

    /// <summary>
    /// Names this dispatcher's leases; unique per process start, so a restarted host never mistakes old ones for its own.
    /// The host name is cut so the whole fits the column (PostgreSQL enforces its length; a pod name can be 63 long).
    /// </summary>
    public string Owner { get; } = $"{Truncate(Environment.MachineName, 40)}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = PollInterval;
            try
            {
                var pass = await DispatchDueAsync(stoppingToken);
                if (pass.NextDueAt is { } due && due - time.GetUtcNow() < wait)
                    wait = due - time.GetUtcNow();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A locked or unreachable database: nothing is lost (the rows are the queue), so wait and try again.
                logger.LogError(ex, "Outbox dispatch failed; trying again within {Wait}", PollInterval);
            }

            try
            {
                await signal.WaitAsync(wait, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Handles every text that is due now, within the rate limit, and returns. Safe to call at any time (tests do):
    /// calls are serialised with the background loop, so a process never has two sends in flight.
    /// </summary>
    public async Task<DispatchPass> DispatchDueAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var handled = 0;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var current = options.CurrentValue;
                if (!current.IsDryRun && _pausedUntil is { } until && until > time.GetUtcNow())
                    return new DispatchPass(handled, until);
                if (!current.IsDryRun && _rateFreeAt is { } free && free > time.GetUtcNow())
                    return new DispatchPass(handled, free);

                await using var scope = scopes.CreateAsyncScope();
                var leases = scope.ServiceProvider.GetRequiredService<OutboxLeases>();
                var message = await leases.ClaimNextAsync(Owner, time.GetUtcNow(), ct);
                if (message is null)
                    return new DispatchPass(handled, await leases.NextDueAsync(time.GetUtcNow(), ct));
                if (await HandleAsync(scope.ServiceProvider, leases, message, current, ct) is { } rateFreeAt)
                {
                    _rateFreeAt = rateFreeAt;
                    return new DispatchPass(handled, rateFreeAt);
                }
                handled++;
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <returns>Null when the text was dealt with; otherwise it was given back because the rate limit is spent until then.</returns>
    private async Task<DateTimeOffset?> HandleAsync(IServiceProvider services, OutboxLeases leases, OutboundMessage message, TwilioOptions current,
        CancellationToken ct)
    {
        var sender = current.Sender;
        var consent = services.GetRequiredService<SmsConsent>();
        try
        {
            if (await consent.IsOptedOutAsync(message.To, sender, ct))
            {
                await leases.RecordFinalAsync(message.Id, OutboundMessageStatus.OptedOut, sender, null, null, time.GetUtcNow(), CancellationToken.None);
                logger.LogInformation("SMS {Id} to {To} not sent: the recipient opted out of texts from {Sender}", message.Id, PhoneNumberFormat.Mask(message.To), sender);
                return null;
            }
            ct.ThrowIfCancellationRequested();
            if (!current.IsDryRun
                && await services.GetRequiredService<ISendRateBudget>().TryTakeAsync(current.MaxMessagesPerSecond, time.GetUtcNow(), ct) is { } freeAt)
            {
                // Every instance draws on one budget: this one is spent, so the text goes back for whoever is next.
                await leases.ReleaseAsync(message.Id, Owner, CancellationToken.None);
                return freeAt;
            }
        }
        catch (Exception)
        {
            // Stopping (or the database failing) before the send started: give the text straight back rather than
            // leave it to wait out the lease.
            await leases.ReleaseAsync(message.Id, Owner, CancellationToken.None);
            throw;
        }

        if (current.IsDryRun)
        {
            await leases.RecordSentAsync(message.Id, null, sender, OutboundMessageStatus.Simulated, time.GetUtcNow(), CancellationToken.None);
            logger.LogInformation("SMS {Id} to {To} simulated ({Purpose}); Twilio:DryRun is on", message.Id, PhoneNumberFormat.Mask(message.To), message.Purpose);
            logger.LogDebug("SMS {Id} simulated body: {Body}", message.Id, message.Body);
            return null;
        }

        var outcome = await services.GetRequiredService<TwilioSmsSender>().SendAsync(message, current);
        // From here on nothing is cancelled: what Twilio did must be written down, or a restart would send it again.
        await RecordAsync(services, leases, message, sender, outcome);
        return null;
    }

    private async Task RecordAsync(IServiceProvider services, OutboxLeases leases, OutboundMessage message, string sender, SendOutcome outcome)
    {
        var now = time.GetUtcNow();
        var to = PhoneNumberFormat.Mask(message.To);
        if (outcome is SendOutcome.Transient)
            _failureStreak++;
        else
            (_failureStreak, _pausedUntil) = (0, null);
        switch (outcome)
        {
            case SendOutcome.Accepted accepted:
                if (await leases.RecordSentAsync(message.Id, accepted.Sid, sender, OutboundMessageStatus.Sent, now, CancellationToken.None))
                    logger.LogInformation("SMS {Id} to {To} ({Purpose}) accepted by Twilio as {Sid}", message.Id, to, message.Purpose, accepted.Sid);
                else
                    logger.LogWarning("SMS {Id} to {To} was also sent by another dispatcher after its lease expired: the recipient got it twice", message.Id, to);
                break;
            case SendOutcome.Permanent failed:
                await leases.RecordFinalAsync(message.Id, OutboundMessageStatus.Failed, sender, failed.ErrorCode, failed.Reason, now, CancellationToken.None);
                logger.LogWarning("SMS {Id} to {To} refused by Twilio with {ErrorCode}; not retried", message.Id, to, failed.ErrorCode);
                if (failed.ErrorCode == SendOutcome.Unsubscribed)
                    await services.GetRequiredService<SmsConsent>().OptOutAsync(message.To, sender, "twilio-21610", CancellationToken.None);
                break;
            case SendOutcome.Transient transient when message.Attempts >= SendRetryPolicy.MaxAttempts:
                await leases.RecordFinalAsync(message.Id, OutboundMessageStatus.Failed, sender, transient.ErrorCode,
                    $"Gave up after {message.Attempts} attempts: {transient.Reason}", now, CancellationToken.None);
                logger.LogError("SMS {Id} to {To} failed after {Attempts} attempts ({ErrorCode})", message.Id, to, message.Attempts, transient.ErrorCode);
                break;
            case SendOutcome.Transient transient:
                var retryAt = now + SendRetryPolicy.Delay(Math.Max(message.Attempts, _failureStreak), Random.Shared.NextDouble());
                if (_failureStreak >= 2)
                    _pausedUntil = retryAt;
                await leases.RecordRetryAsync(message.Id, Owner, retryAt, transient.ErrorCode, transient.Reason, now, CancellationToken.None);
                logger.LogWarning("SMS {Id} to {To}: attempt {Attempts} failed ({ErrorCode}); retrying at {RetryAt:o}",
                    message.Id, to, message.Attempts, transient.ErrorCode, retryAt);
                break;
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }
}
