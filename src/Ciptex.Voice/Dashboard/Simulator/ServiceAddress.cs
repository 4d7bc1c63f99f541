using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ciptex.Voice.Dashboard.Simulator;

/// <summary>
/// Where the service can reach itself: the first address Kestrel listens on, plain HTTP preferred (no certificate to
/// trust), with a wildcard host turned into loopback. Under a test server, which listens nowhere, the address of the
/// request being served stands in.
/// </summary>
public sealed class ServiceAddress(IServer server, IHttpContextAccessor request)
{
    public Uri Local => Listening(loopbackName: null) ?? FromRequest();

    /// <summary>The address to print for a person: <c>localhost</c> rather than a wildcard.</summary>
    public Uri? ForPeople => Listening(loopbackName: "localhost");

    private Uri? Listening(string? loopbackName)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault();
        if (chosen is null)
            return null;
        var builder = new UriBuilder(chosen.Replace("://+", "://0.0.0.0").Replace("://*", "://0.0.0.0"));
        builder.Host = builder.Host switch
        {
            "0.0.0.0" => loopbackName ?? "127.0.0.1",
            "[::]" => loopbackName ?? "[::1]",
            var host => host,
        };
        return new Uri(builder.Uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private Uri FromRequest()
    {
        var current = request.HttpContext?.Request ?? throw new InvalidOperationException("The service listens nowhere and serves no request.");
        return new Uri($"{current.Scheme}://{current.Host.ToUriComponent()}/");
    }
}
