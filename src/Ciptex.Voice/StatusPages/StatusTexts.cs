using System.Globalization;
using System.Text.RegularExpressions;

namespace Ciptex.Voice.StatusPages;

/// <summary>
/// The words of every status text. Plain ASCII around the page's own words, so a text stays GSM-7 unless the page
/// itself used other characters; the outbox shapes it to three segments and keeps the shortlink at the end.
/// </summary>
public static partial class StatusTexts
{
    /// <example>
    /// Twilio incident: SMS Delivery Delays to Mozambique Movitel
    /// Investigating: We are continuing to investigate this issue.
    /// http://stspg.io/q363nfb5wg00
    /// </example>
    public static string Announcement(string pageName, StatusAnnouncement announcement) =>
        Compose($"{pageName} {Kind(announcement.Incident)}: {announcement.Incident.Name}", announcement.Incident, announcement.Update);

    /// <summary>For escalation level 1: the same text, saying why an engineer is being told.</summary>
    public static string OnCall(string pageName, PageIncident incident) =>
        Compose($"{pageName} {Kind(incident)}, impact {incident.Impact}: {incident.Name}", incident, incident.Latest);

    public static string Unreachable(Uri baseUri, DateTimeOffset since, int failures, string lastError, string pageName) =>
        $"{baseUri.Authority} unreachable since {When(since)} ({failures} failed polls; last: {lastError}). {pageName} status texts are on hold.";

    public static string Reachable(Uri baseUri, DateTimeOffset since, DateTimeOffset now) =>
        $"{baseUri.Authority} reachable again at {When(now)}, after failing since {When(since)}.";

    /// <summary><c>in_progress</c> → <c>In progress</c>; unknown values are shown the same way rather than dropped.</summary>
    public static string StatusWord(string status)
    {
        var words = status.Replace('_', ' ').Trim();
        return words.Length == 0 ? "Update" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static string Compose(string headline, PageIncident incident, PageIncidentUpdate? update)
    {
        var status = StatusWord(update?.Status ?? incident.Status);
        // Paragraphs and Markdown line breaks cost characters and read fine as one line in a text.
        var body = Whitespace().Replace(update?.Body ?? "", " ").Trim();
        var lines = new List<string> { headline, body.Length == 0 ? status + "." : $"{status}: {body}" };
        if (incident.Shortlink is not null)
            lines.Add(incident.Shortlink);
        return string.Join('\n', lines);
    }

    private static string Kind(PageIncident incident) => incident.IsMaintenance ? "maintenance" : "incident";

    private static string When(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
