using Ciptex.Voice.Twilio;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Ciptex.Voice.Sms;

/// <summary>
/// Makes exactly one <c>POST …/Messages.json</c> for a text and says what came of it; never throws. Scoped: the
/// REST client is this send's own, so its last response is this send's.
/// </summary>
internal sealed class TwilioSmsSender(ITwilioRestClient client, ILogger<TwilioSmsSender> logger)
{
    public const string StatusCallbackPath = "/twilio/sms/status";

    public async Task<SendOutcome> SendAsync(OutboundMessage message, TwilioOptions options)
    {
        var create = new CreateMessageOptions(new PhoneNumber(message.To)) { Body = message.Body };
        if (string.IsNullOrEmpty(options.MessagingServiceSid))
            create.From = new PhoneNumber(options.SupportNumber);
        else
            create.MessagingServiceSid = options.MessagingServiceSid;
        if (options.PublicBaseUrl.Length > 0)
            create.StatusCallback = new Uri(options.PublicBaseUrl.TrimEnd('/') + StatusCallbackPath);

        try
        {
            // The SDK takes no cancellation token: once started, a send runs to its answer or the request timeout,
            // which is what lets the dispatcher record it even while the host is stopping.
            var sent = await MessageResource.CreateAsync(create, client);
            return new SendOutcome.Accepted(sent.Sid);
        }
        catch (Exception ex) when (LastStatus() is >= 200 and < 300)
        {
            // Twilio took the message but its answer was unreadable (the SDK raises an ApiException for that too):
            // sending again would double it.
            logger.LogWarning(ex, "SMS {Id}: Twilio answered {Status} but the response could not be read; recorded as sent without a SID",
                message.Id, LastStatus());
            return new SendOutcome.Accepted(null);
        }
        catch (ApiConnectionException ex)
        {
            // Timeouts land here too. The message is not kept: it carries the account's URL.
            return new SendOutcome.Transient(null, $"Twilio could not be reached ({ex.InnerException?.GetType().Name ?? "no response"}).");
        }
        catch (ApiException ex)
        {
            // For a non-JSON error body the SDK reports Status 0; the response it kept still knows the real one.
            return SendOutcome.FromError(ex.Code, ex.Status != 0 ? ex.Status : LastStatus(), Shorten(ex.Message));
        }
        catch (ApiStandardException ex)
        {
            return SendOutcome.FromError(ex.Code, ex.Status != 0 ? ex.Status : LastStatus(), Shorten(ex.Title ?? ex.Message));
        }
        catch (TwilioException ex)
        {
            return new SendOutcome.Transient(null, Shorten(ex.Message));
        }
        catch (Exception ex)
        {
            // A surprise from the SDK must still end in a recorded attempt, or the text would retry each time its
            // lease ran out, forever, never reaching the attempt limit.
            logger.LogError(ex, "SMS {Id}: unexpected error while sending", message.Id);
            return new SendOutcome.Transient(null, $"Unexpected error: {ex.GetType().Name}.");
        }
    }

    private int? LastStatus() => client.HttpClient?.LastResponse is { } response ? (int)response.StatusCode : null;

    private static string Shorten(string? text) =>
        string.IsNullOrEmpty(text) ? "Twilio error." : text.Length <= 500 ? text : text[..500];
}
