using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// <c>fake-upstreams --urls http://127.0.0.1:5082</c>: what the service talks to when it fans a status incident out, on
/// one minimal Kestrel for load.sh's fan-out step. The service is pointed at it with
/// <c>StatusPages:Pages:0:BaseUrl</c> and <c>Twilio:ApiBaseUrl</c>.
/// <list type="bullet">
/// <item><c>GET /api/v2/incidents.json</c>, <c>GET /api/v2/scheduled-maintenances.json</c>: <see cref="FakeStatusPage"/>.</item>
/// <item><c>POST /control/incident</c>: the incident appears on the page from the next poll on.</item>
/// <item><c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>: <see cref="FakeTwilioMessages"/>.</item>
/// <item><c>GET /stats</c>: when the incident was published and first served, and when each text arrived (Unix ms).</item>
/// </list>
/// </summary>
internal static class FakeUpstreams
{
    public static int Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var page = new FakeStatusPage();
        var twilio = new FakeTwilioMessages();

        app.MapGet("/api/v2/incidents.json", page.IncidentsAsync);
        app.MapGet("/api/v2/scheduled-maintenances.json", page.MaintenancesAsync);
        app.MapPost("/control/incident", (HttpContext context) => WriteJsonAsync(context, json => json.WriteNumber("publishedAt", page.Publish())));
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", (HttpContext context, string accountSid) => twilio.CreateAsync(context, accountSid));
        app.MapGet("/stats", (HttpContext context) => WriteJsonAsync(context, json =>
        {
            var (publishedAt, firstServedAt, polls) = page.Snapshot();
            var (arrivals, recipients) = twilio.Snapshot();
            WriteNumberOrNull(json, "incidentPublishedAt", publishedAt);
            WriteNumberOrNull(json, "incidentFirstServedAt", firstServedAt);
            json.WriteNumber("incidentPolls", polls);
            json.WriteNumber("messages", arrivals.Length);
            json.WriteNumber("distinctRecipients", recipients);
            json.WriteStartArray("messageArrivals");
            foreach (var at in arrivals)
                json.WriteNumberValue(at);
            json.WriteEndArray();
        }));
        app.Run();
        return 0;
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        write(json);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
            json.WriteNumber(name, number);
        else
            json.WriteNull(name);
    }
}
