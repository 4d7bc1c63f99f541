using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Sms;

/// <summary>
/// Moves a sent text along Twilio's status callbacks (reference/twilio.md §5.4): sent, then delivered, undelivered
/// or failed. Only forwards: callbacks arrive out of order and are retried, so a late "sent" never undoes
/// "delivered", and each move is one conditional UPDATE rather than a read and a write that could race.
/// </summary>
internal sealed class SmsStatusCallbacks(VoiceDbContext db, SmsConsent consent, TimeProvider time, ILogger<SmsStatusCallbacks> logger)
{
    public async Task ApplyAsync(string? messageSid, string? messageStatus, string? errorCode, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(messageSid) || messageSid.Length > 64)
        {
            logger.LogWarning("SMS status callback without a usable MessageSid ignored");
            return;
        }
        var message = await db.Set<OutboundMessage>().AsNoTracking()
            .Where(m => m.TwilioSid == messageSid).Select(m => new { m.Id, m.To, m.Sender, m.Status }).SingleOrDefaultAsync(ct);
        if (message is null)
        {
            // Another tool on the account, or a callback that beat us to recording the SID: nothing of ours to move.
            logger.LogInformation("SMS status callback for unknown message {MessageSid} ({MessageStatus}) ignored", messageSid, messageStatus);
            return;
        }

        var target = ToStatus(messageStatus);
        var code = int.TryParse(errorCode, out var parsed) ? parsed : (int?)null;
        var moved = target switch
        {
            OutboundMessageStatus.Sent => await MoveAsync(messageSid, target.Value, code, m => m.Status == OutboundMessageStatus.Queued, ct),
            OutboundMessageStatus.Delivered or OutboundMessageStatus.Undelivered or OutboundMessageStatus.Failed =>
                await MoveAsync(messageSid, target.Value, code, m => m.Status == OutboundMessageStatus.Queued || m.Status == OutboundMessageStatus.Sent, ct),
            _ => 0,
        };
        if (moved == 0)
        {
            logger.LogDebug("SMS {Id}: callback status {MessageStatus} does not move it on from {Status}", message.Id, messageStatus, message.Status);
            return;
        }
        logger.LogInformation("SMS {Id} is {Status}{ErrorCode}", message.Id, target, code is null ? "" : $" ({code})");
        if (code == SendOutcome.Unsubscribed && message.Sender is not null)
            await consent.OptOutAsync(message.To, message.Sender, "twilio-21610", ct);
    }

    private Task<int> MoveAsync(string sid, OutboundMessageStatus target, int? code,
        System.Linq.Expressions.Expression<Func<OutboundMessage, bool>> from, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Set<OutboundMessage>().Where(m => m.TwilioSid == sid).Where(from)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, target)
                .SetProperty(m => m.ErrorCode, m => code ?? m.ErrorCode)
                .SetProperty(m => m.UpdatedAt, now), ct);
    }

    /// <summary>The callback statuses that move a text; the in-between ones (queued, sending …) change nothing.</summary>
    private static OutboundMessageStatus? ToStatus(string? twilioStatus) => twilioStatus?.Trim().ToLowerInvariant() switch
    {
        "sent" => OutboundMessageStatus.Sent,
        "delivered" or "read" => OutboundMessageStatus.Delivered,
        "undelivered" => OutboundMessageStatus.Undelivered,
        "failed" => OutboundMessageStatus.Failed,
        _ => null,
    };
}
