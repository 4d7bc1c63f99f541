using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>
/// A Statuspage on WireMock whose answer a test changes between polls: what it shows now, or how it fails. A request
/// that presents the ETag of what it shows now gets a 304, as a real page's CDN does.
/// </summary>
public sealed class FakeStatusPage : IDisposable
{
    public const string IncidentsPath = "/api/v2/incidents.json";
    public const string MaintenancesPath = "/api/v2/scheduled-maintenances.json";

    private readonly WireMockServer _server = WireMockServer.Start();
    private int _version;
    private (string Incidents, string Maintenances, string ETag)? _shown;

    public string Url => _server.Url!;

    /// <summary>What texts call the page: host and port.</summary>
    public string Authority => new Uri(Url).Authority;

    /// <summary>Both endpoints answer 200 with these bodies under a new ETag.</summary>
    public string Shows(string incidentsJson, string maintenancesJson)
    {
        var etag = $"\"v{++_version}\"";
        _shown = (incidentsJson, maintenancesJson, etag);
        ShowsAgain();
        return etag;
    }

    /// <summary>Back to the last thing shown, under the same ETag: a poll that presents it gets a 304.</summary>
    public void ShowsAgain()
    {
        var (incidents, maintenances, etag) = _shown ?? throw new InvalidOperationException("The page has shown nothing yet.");
        _server.ResetMappings();
        foreach (var (path, body) in new[] { (IncidentsPath, incidents), (MaintenancesPath, maintenances) })
        {
            _server.Given(Request.Create().WithPath(path).UsingGet().WithHeader("If-None-Match", etag)).AtPriority(1)
                .RespondWith(Response.Create().WithStatusCode(304).WithHeader("ETag", etag));
            _server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(2)
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8")
                    .WithHeader("ETag", etag).WithHeader("Last-Modified", "Tue, 16 Jun 2020 21:00:29 GMT").WithBody(body));
        }
    }

    /// <summary>Every request gets this answer, whatever it presents.</summary>
    public void Answers(int statusCode, string body = "", string contentType = "text/html; charset=utf-8", TimeSpan? delay = null)
    {
        _server.ResetMappings();
        var response = Response.Create().WithStatusCode(statusCode).WithHeader("Content-Type", contentType).WithBody(body);
        if (delay is { } wait)
            response = response.WithDelay(wait);
        _server.Given(Request.Create().UsingGet()).RespondWith(response);
    }

    /// <summary>The last request to <paramref name="path"/>: what it presented and what it was answered.</summary>
    public (string? IfNoneMatch, int StatusCode) LastRequestTo(string path)
    {
        var entry = _server.LogEntries.Last(e => e.RequestMessage.Path == path);
        var headers = entry.RequestMessage.Headers;
        var ifNoneMatch = headers is not null && headers.TryGetValue("If-None-Match", out var values) ? values.FirstOrDefault() : null;
        return (ifNoneMatch, Convert.ToInt32(entry.ResponseMessage.StatusCode, System.Globalization.CultureInfo.InvariantCulture));
    }

    public int RequestCount => _server.LogEntries.Count();

    public void Dispose() => _server.Stop();
}
