using Microsoft.Extensions.Options;
using System.Net;
using ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// Honours X-Forwarded-For/-Proto/-Host so the signature is checked against the URL Twilio called
/// (reference/twilio.md §1.5) — but only from loopback and the proxies listed under <c>ForwardedHeaders</c>.
/// Pair with <c>app.UseForwardedHeaders()</c> before the endpoints.
/// </summary>
public static class TwilioForwardedHeaders
{
    public const string Section = "ForwardedHeaders";

    public static TBuilder AddTwilioForwardedHeaders<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = Parse<IPAddress>(section, "KnownProxies", "an IP address", IPAddress.TryParse);
        var networks = Parse<IPNetwork>(section, "KnownNetworks", "a CIDR network such as 10.0.0.0/8", IPNetwork.TryParse);
        var allowedHosts = section.GetSection("AllowedHosts").Get<string[]>() ?? [];

        // PostConfigure, so it runs after anything that clears the lists (ASPNETCORE_FORWARDEDHEADERS_ENABLED
        // does): empty lists would make the middleware trust forwarded headers from every address.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var loopback in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
            {
                if (!options.KnownProxies.Contains(loopback) && !options.KnownIPNetworks.Any(n => n.Contains(loopback)))
                    options.KnownProxies.Add(loopback);
            }
            foreach (var proxy in proxies)
                options.KnownProxies.Add(proxy);
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
            foreach (var host in allowedHosts)
                options.AllowedHosts.Add(host);
        });
        return builder;
    }

    private delegate bool TryParser<T>(string text, out T? value);

    private static List<T> Parse<T>(IConfigurationSection section, string key, string expected, TryParser<T> tryParse)
    {
        var parsed = new List<T>();
        foreach (var text in section.GetSection(key).Get<string[]>() ?? [])
        {
            if (!tryParse(text.Trim(), out var value))
                throw new OptionsValidationException(Section, typeof(ForwardedHeadersOptions), [$"{Section}:{key} contains '{text}', which is not {expected}."]);
            parsed.Add(value!);
        }
        return parsed;
    }
}
