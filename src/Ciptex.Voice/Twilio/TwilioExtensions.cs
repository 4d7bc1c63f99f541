using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Twilio;

internal static class TwilioExtensions
{
    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        builder.Services.AddSingleton<WebhookSigningKeys>();
        builder.AddTwilioForwardedHeaders();
        return builder;
    }

    /// <summary>
    /// The <c>/twilio</c> group: a body larger than Twilio ever sends is refused first (413), then every webhook
    /// must carry a valid Twilio signature.
    /// </summary>
    public static RouteGroupBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var limit = new TwilioBodyLimit();
        var twilio = app.MapGroup("/twilio").WithMetadata(limit);
        twilio.AddEndpointFilter(limit);
        return twilio.RequireTwilioSignature();
    }
}
