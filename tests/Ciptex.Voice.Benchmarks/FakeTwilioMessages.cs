using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// Twilio's <c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c> as the service calls it through
/// <c>Twilio:ApiBaseUrl</c>: answers 201 with a message resource shaped like
/// shared/fixtures/twilio/rest-message-create-201.json and a SID of its own for each request, and notes when each
/// request arrived, so the rate the service sends at can be read from this side of the wire.
/// </summary>
internal sealed class FakeTwilioMessages
{
    private readonly Lock _gate = new();
    private readonly List<double> _arrivals = new(capacity: 20_000);
    private readonly HashSet<string> _recipients = new(capacity: 20_000, StringComparer.Ordinal);

    /// <summary>Unix milliseconds of every request, in arrival order, and how many distinct <c>To</c> numbers they carried.</summary>
    public (double[] Arrivals, int DistinctRecipients) Snapshot()
    {
        lock (_gate)
            return (_arrivals.ToArray(), _recipients.Count);
    }

    public async Task CreateAsync(HttpContext context, string accountSid)
    {
        var arrived = DateTimeOffset.UtcNow;
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var to = form["To"].ToString();
        lock (_gate)
        {
            _arrivals.Add(FakeStatusPage.UnixMs(arrived));
            _recipients.Add(to);
        }

        var sid = $"SM{Guid.NewGuid():N}";
        var date = arrived.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.ContentType = "application/json; charset=utf-8";
        // Relaxed escaping: "+44…" and "&" as Twilio writes them, not as \u002B and \u0026.
        await using var json = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("account_sid", accountSid);
        json.WriteString("api_version", "2010-04-01");
        json.WriteString("body", form["Body"].ToString());
        json.WriteString("date_created", date);
        json.WriteNull("date_sent");
        json.WriteString("date_updated", date);
        json.WriteString("direction", "outbound-api");
        json.WriteNull("error_code");
        json.WriteNull("error_message");
        WriteStringOrNull(json, "from", form["From"].ToString());
        WriteStringOrNull(json, "messaging_service_sid", form["MessagingServiceSid"].ToString());
        json.WriteString("num_media", "0");
        json.WriteString("num_segments", "1");
        json.WriteNull("price");
        json.WriteString("price_unit", "USD");
        json.WriteString("sid", sid);
        json.WriteString("status", "queued");
        json.WriteStartObject("subresource_uris");
        json.WriteString("media", $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}/Media.json");
        json.WriteEndObject();
        json.WriteString("to", to);
        json.WriteString("uri", $"/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json");
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string value)
    {
        if (value.Length == 0)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
