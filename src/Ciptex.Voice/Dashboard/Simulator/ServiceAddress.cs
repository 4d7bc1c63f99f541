using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ciptex.Voice.Dashboard.Simulator;

/// <summary>
/// Where the service can reach itself: the first address Kestrel listens on, plain HTTP preferred (no certificate to
/// trust), with a wildcard host turned into loopback. Read from the server rather than from the request being served:
/// an <c>IHttpContextAccessor</c> in the container stops Kestrel reusing a connection's request objects, which cost
/// every webhook 7% of what it allocates (docs/benchmarks.md).
/// </summary>
public sealed class ServiceAddress(IServer server)
{
    public Uri Local => Listening(loopbackName: null) ?? throw new InvalidOperationException("The service listens on no address.");

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
}
