using Ciptex.Voice.Twilio;

namespace Ciptex.Voice.Sms;

/// <summary>The number's Messaging URL and the status callback of each text we send (CONTRACT §3).</summary>
internal static class SmsWebhooks
{
    /// <param name="twilio">The <c>/twilio</c> group, which checks every request's signature.</param>
    public static RouteGroupBuilder MapSmsWebhooks(this RouteGroupBuilder twilio)
    {
        var sms = twilio.MapGroup("/sms");
        sms.MapPost("/incoming", IncomingAsync);
        sms.MapPost("/status", StatusAsync);
        return twilio;
    }

    private static async Task<TwiMLResult> IncomingAsync(HttpRequest request, InboundSms inbound, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        var reply = await inbound.HandleAsync(
            new InboundText(Field(form, "From"), Field(form, "To"), Field(form, "Body"), Field(form, "OptOutType"), Field(form, "MessagingServiceSid")), ct);
        return reply is null ? TwiMLResult.Empty : new MessagingTwiml().Message(reply).ToResult();
    }

    /// <summary>Always 200 with an empty Response: Twilio only needs to know we have it, and would retry anything else.</summary>
    private static async Task<TwiMLResult> StatusAsync(HttpRequest request, SmsStatusCallbacks callbacks, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        await callbacks.ApplyAsync(Field(form, "MessageSid"), Field(form, "MessageStatus"), Field(form, "ErrorCode"), ct);
        return TwiMLResult.Empty;
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;

    private static string? Field(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } value ? value : null;
}
