using System.Globalization;
using System.Text.Json.Nodes;
using Ciptex.Voice.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>
/// api.twilio.com's Recordings list and Call fetch on a WireMock server, in the shapes of Twilio's own payloads
/// (the recording fields as in shared/fixtures/twilio/rest-recording-fetch.json, a list page as Messages' list).
/// </summary>
public sealed class TwilioRecordings(WireMockServer server)
{
    public const string ListPath = $"/2010-04-01/Accounts/{VoiceApp.AccountSid}/Recordings.json";

    private readonly JsonArray _recordings = [];
    private readonly Guid _list = Guid.NewGuid();

    public int ListRequests => server.LogEntries.Count(e => e.RequestMessage.Path == ListPath);

    /// <summary>A finished recording taken by the fallback's &lt;Record&gt; on a call from <paramref name="from"/>.</summary>
    public TwilioRecordings Took(string recordingSid, string callSid, DateTimeOffset at, string? from, string status = "completed", int seconds = 34)
    {
        _recordings.Add(new JsonObject
        {
            ["account_sid"] = VoiceApp.AccountSid, ["api_version"] = "2010-04-01", ["call_sid"] = callSid,
            ["conference_sid"] = null, ["channels"] = 1,
            ["date_created"] = at.ToString("r", CultureInfo.InvariantCulture), ["date_updated"] = at.AddSeconds(seconds).ToString("r", CultureInfo.InvariantCulture),
            ["start_time"] = at.ToString("r", CultureInfo.InvariantCulture), ["price"] = "-0.00250", ["price_unit"] = "USD",
            ["duration"] = seconds.ToString(CultureInfo.InvariantCulture), ["sid"] = recordingSid, ["source"] = "RecordVerb",
            ["status"] = status, ["error_code"] = null,
            ["uri"] = $"/2010-04-01/Accounts/{VoiceApp.AccountSid}/Recordings/{recordingSid}.json",
        });
        server.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{VoiceApp.AccountSid}/Calls/{callSid}.json").UsingGet())
            .RespondWith(Json(new JsonObject
            {
                ["sid"] = callSid, ["account_sid"] = VoiceApp.AccountSid, ["from"] = from ?? "anonymous", ["to"] = "+443458800808",
                ["status"] = "completed", ["direction"] = "inbound", ["api_version"] = "2010-04-01",
            }));
        Serve();
        return this;
    }

    private void Serve() =>
        server.Given(Request.Create().WithPath(ListPath).UsingGet()).WithGuid(_list).RespondWith(Json(new JsonObject
        {
            ["end"] = _recordings.Count - 1, ["first_page_uri"] = ListPath + "?PageSize=100&Page=0", ["next_page_uri"] = null,
            ["page"] = 0, ["page_size"] = 100, ["previous_page_uri"] = null, ["start"] = 0, ["uri"] = ListPath + "?PageSize=100&Page=0",
            ["recordings"] = _recordings.DeepClone(),
        }));

    private static IResponseBuilder Json(JsonObject body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());
}
