using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>
/// A page's two lists, starting from a real response and changed step by step as an operator would change them.
/// Serialised as Statuspage does: <c>&amp;</c> as <c>\u0026</c> and non-ASCII escaped, or as raw UTF-8 on request.
/// </summary>
public sealed class PageScript
{
    private static readonly JsonSerializerOptions RawUtf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonObject _page;

    private PageScript(JsonObject page, JsonArray incidents, JsonArray maintenances) =>
        (_page, Incidents, Maintenances) = (page, incidents, maintenances);

    public JsonArray Incidents { get; }
    public JsonArray Maintenances { get; }

    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "StatusPages", "Fixtures", file);

    public static string RawFixture(string file) => File.ReadAllText(FixturePath(file));

    /// <summary>A real <c>summary.json</c>: its incidents and maintenances become the two lists.</summary>
    public static PageScript FromSummary(string file)
    {
        var summary = JsonNode.Parse(RawFixture(file))!.AsObject();
        return new PageScript(summary["page"]!.DeepClone().AsObject(), summary["incidents"]!.DeepClone().AsArray(),
            summary["scheduled_maintenances"]!.DeepClone().AsArray());
    }

    public static PageScript Empty(string pageId = "pg0000000001") =>
        new(new JsonObject { ["id"] = pageId, ["name"] = "Test", ["url"] = "https://status.example.test" }, [], []);

    /// <summary>One incident or maintenance of a real response, to move into another page's list.</summary>
    public static JsonObject FixtureItem(string file, string id)
    {
        var root = JsonNode.Parse(RawFixture(file))!.AsObject();
        var lists = new[] { "incidents", "scheduled_maintenances" }.Where(root.ContainsKey).SelectMany(k => root[k]!.AsArray());
        return lists.Single(i => (string?)i!["id"] == id)!.DeepClone().AsObject();
    }

    public string IncidentsJson(bool rawUtf8 = false) => Document("incidents", Incidents, rawUtf8);

    public string MaintenancesJson(bool rawUtf8 = false) => Document("scheduled_maintenances", Maintenances, rawUtf8);

    public JsonObject Find(string id) =>
        Incidents.Concat(Maintenances).Single(i => (string?)i!["id"] == id)!.AsObject();

    public void Remove(string id)
    {
        var item = Find(id);
        (Incidents.Contains(item) ? Incidents : Maintenances).Remove(item);
    }

    /// <summary>Newest first, as the real lists are.</summary>
    public void Add(JsonObject item, bool maintenance = false) => (maintenance ? Maintenances : Incidents).Insert(0, item);

    /// <summary>
    /// Posts an update to an incident; the incident's status follows it. <paramref name="atIndex"/> places it in the
    /// list (0 = the top, where the page puts the newest), so a test can scramble the order.
    /// </summary>
    public JsonObject Post(string incidentId, string updateId, string status, string body, string at, int atIndex = 0,
        bool deliverNotifications = true)
    {
        var incident = Find(incidentId);
        var update = Update(updateId, incidentId, status, body, at, deliverNotifications);
        incident["incident_updates"]!.AsArray().Insert(atIndex, update);
        incident["status"] = status;
        incident["updated_at"] = at;
        return update;
    }

    public static JsonObject Update(string id, string incidentId, string status, string body, string at, bool deliverNotifications = true) => new()
    {
        ["id"] = id, ["status"] = status, ["body"] = body, ["incident_id"] = incidentId,
        ["created_at"] = at, ["updated_at"] = at, ["display_at"] = at, ["affected_components"] = null,
        ["deliver_notifications"] = deliverNotifications, ["custom_tweet"] = null, ["tweet_id"] = null,
    };

    public static JsonObject Incident(string id, string name, string status, string impact, string createdAt, params JsonObject[] updates) => new()
    {
        ["id"] = id, ["name"] = name, ["status"] = status, ["created_at"] = createdAt, ["updated_at"] = createdAt,
        ["monitoring_at"] = null, ["resolved_at"] = status == "resolved" ? createdAt : null, ["impact"] = impact,
        ["shortlink"] = $"https://stspg.io/{id}", ["started_at"] = createdAt, ["page_id"] = "pg0000000001",
        ["incident_updates"] = new JsonArray(updates.Select(u => (JsonNode)u).ToArray()), ["components"] = new JsonArray(),
    };

    private string Document(string listName, JsonArray list, bool rawUtf8) =>
        new JsonObject { ["page"] = _page.DeepClone(), [listName] = list.DeepClone() }.ToJsonString(rawUtf8 ? RawUtf8 : null);
}
