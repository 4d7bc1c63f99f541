using System.Text.Json;

namespace Ciptex.Voice.StatusPages;

/// <summary>
/// Reads <c>incidents.json</c> and <c>scheduled-maintenances.json</c>. Tolerant of what real pages send (unknown and
/// missing optional fields, nulls, local UTC offsets, <c>\u0026</c> escapes); strict about the rest: a body that is
/// not a Statuspage document is refused whole, so a half-read page can never look like a page without incidents.
/// </summary>
public static class StatusPageDocument
{
    private const int MaxIdLength = 64;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IReadOnlyList<PageIncident> ReadIncidents(byte[] body) => Read(body, "incidents", isMaintenance: false);

    public static IReadOnlyList<PageIncident> ReadMaintenances(byte[] body) => Read(body, "scheduled_maintenances", isMaintenance: true);

    private static IReadOnlyList<PageIncident> Read(byte[] body, string listName, bool isMaintenance)
    {
        List<IncidentJson?>? items;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(listName, out var list) || list.ValueKind != JsonValueKind.Array)
                throw new StatusPageUnavailableException($"the body has no '{listName}' list");
            items = list.Deserialize<List<IncidentJson?>>(Json);
        }
        catch (JsonException ex)
        {
            throw new StatusPageUnavailableException("the body is not valid Statuspage JSON", ex);
        }
        return (items ?? []).Select(item => ToIncident(item, isMaintenance)).ToList();
    }

    private static PageIncident ToIncident(IncidentJson? json, bool isMaintenance)
    {
        if (json is null || !IsId(json.Id) || string.IsNullOrWhiteSpace(json.Name) || string.IsNullOrWhiteSpace(json.Status)
            || json.CreatedAt is not { } createdAt)
            throw new StatusPageUnavailableException("an incident lacks its id, name, status or created_at");
        var updates = (json.IncidentUpdates ?? []).Select(ToUpdate).DistinctBy(u => u.Id).ToList();
        var shortlink = json.Shortlink?.Trim();
        return new PageIncident(json.Id!, Clip(json.Name, 500), Clip(json.Status, 40), string.IsNullOrWhiteSpace(json.Impact) ? "none" : Clip(json.Impact, 40),
            shortlink is { Length: > 0 and <= 500 } ? shortlink : null, isMaintenance, createdAt, json.UpdatedAt ?? createdAt, updates);
    }

    private static PageIncidentUpdate ToUpdate(UpdateJson? json)
    {
        if (json is null || !IsId(json.Id) || string.IsNullOrWhiteSpace(json.Status) || json.CreatedAt is not { } createdAt)
            throw new StatusPageUnavailableException("an incident update lacks its id, status or created_at");
        return new PageIncidentUpdate(json.Id!, Clip(json.Status, 40), json.Body ?? "", createdAt, json.DisplayAt ?? createdAt, json.UpdatedAt ?? createdAt);
    }

    // Lengths the tracking tables hold; real values are far shorter.
    private static string Clip(string text, int length) => text.Trim() is var trimmed && trimmed.Length > length ? trimmed[..length] : trimmed;

    private static bool IsId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength;

    // Only the fields we use; every other field of the real documents is ignored.
    private sealed class IncidentJson
    {
        public string? Id { get; init; }
        public string? Name { get; init; }
        public string? Status { get; init; }
        public string? Impact { get; init; }
        public string? Shortlink { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }
        public List<UpdateJson?>? IncidentUpdates { get; init; }
    }

    private sealed class UpdateJson
    {
        public string? Id { get; init; }
        public string? Status { get; init; }
        public string? Body { get; init; }
        public DateTimeOffset? CreatedAt { get; init; }
        public DateTimeOffset? UpdatedAt { get; init; }
        public DateTimeOffset? DisplayAt { get; init; }
    }
}

/// <summary>A poll that must change nothing: the page did not answer, answered with an error, or sent something unreadable.</summary>
public sealed class StatusPageUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);
