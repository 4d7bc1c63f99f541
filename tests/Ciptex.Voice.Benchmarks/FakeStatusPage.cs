using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// Twilio's status page as the service polls it (Statuspage v2 <c>incidents.json</c> and
/// <c>scheduled-maintenances.json</c>, shaped like the real responses in shared/fixtures/statuspage/real): no incident
/// until <see cref="Publish"/>, then one new incident of impact <c>minor</c> (so on-call is not paged and exactly one
/// text per subscriber is queued). Answers with an ETag and honours <c>If-None-Match</c>, as the real pages do, so
/// polling once a second costs a 304 until the incident appears.
/// </summary>
internal sealed class FakeStatusPage
{
    private const string PageJson =
        """{"id":"gpkpyklzq55q","name":"Twilio","url":"https://status.twilio.com","time_zone":"Etc/UTC","updated_at":"2026-11-26T07:00:00.000Z"}""";

    private readonly Lock _gate = new();
    private byte[]? _incidentsWithOne;
    private double? _publishedAt;
    private double? _firstServedAt;
    private int _incidentPolls;

    /// <summary>Unix milliseconds of the trigger, and of the first poll answered with the incident ("the poll that sees it").</summary>
    public (double? PublishedAt, double? FirstServedAt, int IncidentPolls) Snapshot()
    {
        lock (_gate)
            return (_publishedAt, _firstServedAt, _incidentPolls);
    }

    /// <summary>Makes the incident visible from the next poll on; a second call changes nothing.</summary>
    public double Publish()
    {
        lock (_gate)
        {
            if (_publishedAt is { } already)
                return already;
            var now = DateTimeOffset.UtcNow;
            _incidentsWithOne = Encoding.UTF8.GetBytes(IncidentsDocument(Incident(now)));
            _publishedAt = UnixMs(now);
            return _publishedAt.Value;
        }
    }

    public Task IncidentsAsync(HttpContext context)
    {
        byte[] body;
        string etag;
        lock (_gate)
        {
            _incidentPolls++;
            (body, etag) = _incidentsWithOne is { } published
                ? (published, "\"incidents-1\"")
                : (Encoding.UTF8.GetBytes(IncidentsDocument("")), "\"incidents-0\"");
            if (_incidentsWithOne is not null && !NotModified(context, etag))
                _firstServedAt ??= UnixMs(DateTimeOffset.UtcNow);
        }
        return WriteAsync(context, etag, body);
    }

    public Task MaintenancesAsync(HttpContext context) =>
        WriteAsync(context, "\"maintenances-0\"", Encoding.UTF8.GetBytes($$"""{"page":{{PageJson}},"scheduled_maintenances":[]}"""));

    public static double UnixMs(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10_000.0;

    private static bool NotModified(HttpContext context, string etag) => context.Request.Headers.IfNoneMatch.ToString() == etag;

    private static Task WriteAsync(HttpContext context, string etag, byte[] body)
    {
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "max-age=0, private, must-revalidate";
        if (NotModified(context, etag))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    private static string IncidentsDocument(string incidents) => $$"""{"page":{{PageJson}},"incidents":[{{incidents}}]}""";

    // The shape of Twilio's real incident (twilio-summary-2020-06-16.json), with fresh ids and times.
    private static string Incident(DateTimeOffset now)
    {
        var at = now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return $$"""
            {"id":"fnbnch1pbq9w","name":"SMS Delivery Delays to UK Carriers","status":"investigating","created_at":"{{at}}",
             "updated_at":"{{at}}","monitoring_at":null,"resolved_at":null,"impact":"minor","shortlink":"https://stspg.io/fnbnch1pbq9w",
             "started_at":"{{at}}","page_id":"gpkpyklzq55q",
             "incident_updates":[{"id":"k2xcvr8wq7mz","status":"investigating",
               "body":"We are experiencing SMS delivery delays when sending messages to UK carriers. Our engineers are working with our carrier partners to resolve the issue. We will provide an update as soon as we have additional information.",
               "incident_id":"fnbnch1pbq9w","created_at":"{{at}}","updated_at":"{{at}}","display_at":"{{at}}",
               "affected_components":[{"code":"kqr83rygcwwf","name":"CARRIER NETWORK - SMS, Europe","old_status":"operational","new_status":"degraded_performance"}],
               "deliver_notifications":true,"custom_tweet":null,"tweet_id":null}],
             "components":[{"id":"kqr83rygcwwf","name":"SMS, Europe","status":"degraded_performance","created_at":"2019-01-10T16:54:26.399Z",
               "updated_at":"{{at}}","position":9,"description":null,"showcase":false,"start_date":null,"group_id":"j8hlnyphbbs0",
               "page_id":"gpkpyklzq55q","group":false,"only_show_if_degraded":false}]}
            """;
    }
}
