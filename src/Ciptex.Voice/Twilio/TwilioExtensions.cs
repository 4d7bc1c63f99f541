using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Twilio;

internal static class TwilioExtensions
{
    /// <summary>Where Twilio's webhooks live; nothing else does.</summary>
    public const string BasePath = "/twilio";
    private const string WebhookConcurrency = "twilio-webhooks";
    public const int MostWebhooksAtOnce = 16;
    public const int MostWebhooksWaiting = 5000;

    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        builder.Services.AddSingleton<WebhookSigningKeys>();
        builder.AddTwilioForwardedHeaders();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.AddConcurrencyLimiter(WebhookConcurrency, concurrency =>
            {
                concurrency.PermitLimit = MostWebhooksAtOnce;
                concurrency.QueueLimit = MostWebhooksWaiting;
                concurrency.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
        return builder;
    }

    /// <summary>
    /// Status-code pages for every request but Twilio's webhooks, which are answered with TwiML or a bare status
    /// (CONTRACT §3): the middleware cost every webhook 1% of its CPU for nothing (docs/benchmarks.md).
    /// </summary>
    public static WebApplication UseStatusCodePagesExceptForWebhooks(this WebApplication app)
    {
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(BasePath), pages => pages.UseStatusCodePages());
        return app;
    }

    /// <summary>
    /// The <c>/twilio</c> group: a body larger than Twilio ever sends is refused first (413), then every webhook
    /// must carry a valid Twilio signature. At most <see cref="MostWebhooksAtOnce"/> are handled at once and the
    /// rest wait their turn in arrival order: on two cores a burst of callers is answered sooner one batch at a time
    /// than all at once, each holding a database connection (docs/benchmarks.md). Past
    /// <see cref="MostWebhooksWaiting"/> waiting, Twilio is told 503 and plays <c>fallback.xml</c>.
    /// </summary>
    public static RouteGroupBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var limit = new TwilioBodyLimit();
        var twilio = app.MapGroup(BasePath).WithMetadata(limit).RequireRateLimiting(WebhookConcurrency);
        twilio.AddEndpointFilter(limit);
        return twilio.RequireTwilioSignature();
    }
}
