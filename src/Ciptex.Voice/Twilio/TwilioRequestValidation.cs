namespace Ciptex.Voice.Twilio;

public static class TwilioRequestValidation
{
    /// <summary>
    /// Checks <c>X-Twilio-Signature</c> on every endpoint of the group (or on one endpoint): unsigned requests
    /// get 403 before the handler runs. Antiforgery is switched off for these endpoints, since Twilio cannot
    /// send a token and the signature already proves where the form came from.
    /// </summary>
    public static TBuilder RequireTwilioSignature<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddSharedEndpointFilter<TBuilder, TwilioRequestValidationFilter>().DisableAntiforgery();
}
