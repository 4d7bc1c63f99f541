using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Twilio;

internal static class TwilioExtensions
{
    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        builder.AddTwilioForwardedHeaders();
        return builder;
    }

    /// <summary>The <c>/twilio</c> group: every webhook under it must carry a valid Twilio signature.</summary>
    public static RouteGroupBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app) =>
        app.MapGroup("/twilio").RequireTwilioSignature();
}
