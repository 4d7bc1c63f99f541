using Ciptex.Voice.Data;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Ciptex.Voice.Sms.InboundSmsCommand;

namespace Ciptex.Voice.Sms;

/// <param name="MessagingServiceSid">Set when the number that received it belongs to a messaging service.</param>
public sealed record InboundText(string? From, string? To, string? Body, string? OptOutType, string? MessagingServiceSid);

/// <summary>
/// Acts on a text to the support number and says what to reply. Every action is idempotent, because Twilio retries
/// webhooks: subscribing twice, or recording one STOP twice, leaves one row.
/// </summary>
internal sealed class InboundSms(
    VoiceDbContext db, SmsConsent consent, ITicketLookup tickets, IPageAcknowledger acknowledger, IOpenIncidents incidents,
    IOptionsMonitor<TwilioOptions> options, TimeProvider time, ILogger<InboundSms> logger)
{
    /// <returns>The reply, or null for none: Twilio answers its opt-out and opt-in words itself.</returns>
    public async Task<string?> HandleAsync(InboundText text, CancellationToken ct)
    {
        var phone = PhoneNumberFormat.TryNormalise(text.From, out var e164) ? e164 : null;
        var sender = SenderOf(text);
        var command = Parse(text.Body, text.OptOutType);
        logger.LogInformation("Inbound SMS from {From}: {Command}", PhoneNumberFormat.Mask(phone ?? text.From), command.GetType().Name);

        switch (command)
        {
            case OptOut or OptIn when phone is null && string.IsNullOrWhiteSpace(text.From):
                return null;
            case OptOut:
                await consent.OptOutAsync(phone ?? text.From!.Trim(), sender, text.OptOutType is null ? "keyword" : "opt-out-type", ct);
                return null;
            case OptIn:
                await consent.OptInAsync(phone ?? text.From!.Trim(), sender, ct);
                return null;
            case Subscribe or Unsubscribe or Ticket or Ack when phone is null:
                return SmsReplies.NotAPhone;
            case Subscribe subscribe:
                var added = PagesOf(subscribe.Page);
                await SubscribeAsync(phone!, added, ct);
                return SmsReplies.Subscribed(added, await consent.IsOptedOutAsync(phone!, sender, ct));
            case Unsubscribe unsubscribe:
                var removed = PagesOf(unsubscribe.Page);
                await db.Set<Subscription>().Where(s => s.Phone == phone && removed.Contains(s.PageKey)).ExecuteDeleteAsync(ct);
                return SmsReplies.Unsubscribed(removed);
            case Status:
                return Fit(SmsReplies.Status(await incidents.GetAsync(ct)));
            case Ticket ticket:
                return Fit(SmsReplies.Ticket(await tickets.DescribeAsync(phone!, ticket.Reference, ct), ticket.Reference));
            case Ack ack:
                return Fit(await acknowledger.AcknowledgeAsync(phone!, ack.Reference, ct));
            default:
                return SmsReplies.Help;
        }
    }

    /// <summary>
    /// Whose consent a STOP withdraws: the messaging service the number belongs to, else the number itself — the
    /// same pair Twilio blocks (reference/twilio.md §5.2).
    /// </summary>
    private string SenderOf(InboundText text) =>
        !string.IsNullOrWhiteSpace(text.MessagingServiceSid) ? text.MessagingServiceSid.Trim()
        : PhoneNumberFormat.TryNormalise(text.To, out var to) ? to
        : options.CurrentValue.Sender;

    private static List<string> PagesOf(string? page) => page is null ? [.. SubscriptionPages.All] : [page];

    private async Task SubscribeAsync(string phone, IReadOnlyList<string> pages, CancellationToken ct)
    {
        var existing = await db.Set<Subscription>().Where(s => s.Phone == phone).Select(s => s.PageKey).ToListAsync(ct);
        foreach (var page in pages.Except(existing))
            db.Add(new Subscription { Phone = phone, PageKey = page, Source = "sms", SubscribedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Twilio delivered the same SUBSCRIBE twice at once; the unique key kept one of each.
            db.ChangeTracker.Clear();
        }
    }

    private static string Fit(string reply) => SmsText.Shape(reply).Text;
}
