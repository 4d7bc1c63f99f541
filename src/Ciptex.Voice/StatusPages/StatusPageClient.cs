using System.Net;

namespace Ciptex.Voice.StatusPages;

/// <summary>What was last received from one endpoint, sent back so that an unchanged page costs a <c>304</c>.</summary>
public sealed record HttpValidators(string? ETag, string? LastModified)
{
    public static readonly HttpValidators None = new(null, null);
}

/// <summary>One endpoint's answer: unchanged since <see cref="HttpValidators"/>, or a full list of incidents.</summary>
public sealed record EndpointFetch(bool NotModified, IReadOnlyList<PageIncident> Items, HttpValidators Validators)
{
    public static EndpointFetch Unchanged(HttpValidators validators) => new(true, [], validators);
}

/// <summary>Both endpoints of one poll: each shows new, updated, resolved and backfilled items of its kind.</summary>
public sealed record PageFetch(EndpointFetch Incidents, EndpointFetch Maintenances)
{
    public bool NotModified => Incidents.NotModified && Maintenances.NotModified;

    public IEnumerable<PageIncident> Items => Incidents.Items.Concat(Maintenances.Items);
}

/// <summary>
/// The one HTTP setup for status pages (typed client, timeout from <c>StatusPages:RequestTimeout</c>). It reads
/// <c>incidents.json</c> and <c>scheduled-maintenances.json</c>, not <c>summary.json</c>: a resolved incident
/// leaves the summary, so its resolution and any backfilled incident are only visible in these two lists.
/// </summary>
public sealed class StatusPageClient(HttpClient http)
{
    public const string IncidentsPath = "api/v2/incidents.json";
    public const string MaintenancesPath = "api/v2/scheduled-maintenances.json";

    /// <exception cref="StatusPageUnavailableException">Either endpoint failed: the poll must change nothing.</exception>
    public async Task<PageFetch> FetchAsync(Uri baseUri, HttpValidators incidents, HttpValidators maintenances, CancellationToken cancellationToken)
    {
        var incidentList = await GetAsync(new Uri(baseUri, IncidentsPath), incidents, StatusPageDocument.ReadIncidents, cancellationToken);
        var maintenanceList = await GetAsync(new Uri(baseUri, MaintenancesPath), maintenances, StatusPageDocument.ReadMaintenances, cancellationToken);
        return new PageFetch(incidentList, maintenanceList);
    }

    private async Task<EndpointFetch> GetAsync(Uri url, HttpValidators known, Func<byte[], IReadOnlyList<PageIncident>> read,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        // Sent back exactly as received: the server compares them as opaque strings.
        if (known.ETag is not null)
            request.Headers.TryAddWithoutValidation("If-None-Match", known.ETag);
        if (known.LastModified is not null)
            request.Headers.TryAddWithoutValidation("If-Modified-Since", known.LastModified);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StatusPageUnavailableException($"{url.AbsolutePath} did not answer within {http.Timeout.TotalSeconds:0.###} s", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new StatusPageUnavailableException($"{url.AbsolutePath} could not be reached ({ex.Message})", ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified)
                return EndpointFetch.Unchanged(known);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new StatusPageUnavailableException($"{url.AbsolutePath} answered HTTP {(int)response.StatusCode}");
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var validators = new HttpValidators(Header(response.Headers, "ETag"), Header(response.Content.Headers, "Last-Modified"));
            try
            {
                return new EndpointFetch(false, read(body), validators);
            }
            catch (StatusPageUnavailableException ex)
            {
                throw new StatusPageUnavailableException($"{url.AbsolutePath}: {ex.Message}", ex.InnerException);
            }
        }
    }

    private static string? Header(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
