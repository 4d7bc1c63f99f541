using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Http;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// The one HTTP setup for Twilio's REST API: a named <see cref="System.Net.Http.HttpClient"/> from the factory whose
/// requests are all redirected to <c>Twilio:ApiBaseUrl</c>, wrapped in the SDK's <see cref="TwilioRestClient"/>.
/// </summary>
public static class TwilioRestClientSetup
{
    public const string HttpClientName = "Twilio";

    /// <summary>
    /// Long enough for a slow 201, short enough that a hung connection is retried well inside the outbox lease
    /// (a timeout is a transient failure).
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Safe to call from every feature that talks to Twilio: it registers once.</summary>
    public static IServiceCollection AddTwilioRestClient(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ITwilioRestClient)))
            return services;
        services.TryAddTransient<TwilioApiBaseUrlHandler>();
        services.AddHttpClient(HttpClientName, client => client.Timeout = RequestTimeout)
            // As twilio-aspnet does: a redirect from the REST API is an error to see, not to follow.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        // Scoped, so each unit of work gets its own SDK client: its LastResponse then belongs to that unit alone.
        services.AddScoped<ITwilioRestClient>(provider =>
        {
            var options = provider.GetRequiredService<IOptionsMonitor<TwilioOptions>>().CurrentValue;
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(http));
        });
        return services;
    }
}

/// <summary>
/// The SDK builds absolute <c>https://api.twilio.com/…</c> URIs and ignores <c>BaseAddress</c> (reference/twilio.md
/// §5.6), so the only reliable redirect is to rewrite each request: scheme, host and port replaced, path kept.
/// </summary>
internal sealed class TwilioApiBaseUrlHandler(IOptionsMonitor<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } original
            && Uri.TryCreate(options.CurrentValue.ApiBaseUrl, UriKind.Absolute, out var target))
        {
            request.RequestUri = new UriBuilder(original) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }
        return base.SendAsync(request, cancellationToken);
    }
}
