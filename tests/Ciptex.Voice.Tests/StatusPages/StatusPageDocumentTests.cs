using System.Text;
using Ciptex.Voice.StatusPages;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>Tolerant of what real pages send, strict about what is not a Statuspage document at all.</summary>
public sealed class StatusPageDocumentTests
{
    [Fact]
    public void The_real_Twilio_response_is_read_with_its_escapes_and_local_offsets()
    {
        var body = File.ReadAllBytes(PageScript.FixturePath("twilio-summary-2020-06-16.json"));

        var incidents = StatusPageDocument.ReadIncidents(body);
        var maintenances = StatusPageDocument.ReadMaintenances(body);

        Assert.Equal(["4dtnnnnxnhn9", "r0f0vdz8vrgm"], incidents.Select(i => i.Id));
        Assert.Equal(9, maintenances.Count);
        Assert.All(maintenances, m => Assert.True(m.IsMaintenance));
        Assert.Contains(maintenances, m => m.Name == "SMS Carrier Maintenance - AT&T US");
        var sprint = incidents[1];
        Assert.Equal(("monitoring", "minor", "http://stspg.io/xwv6rz0r1yll", 5), (sprint.Status, sprint.Impact, sprint.Shortlink, sprint.Updates.Count));
        Assert.Equal(new DateTimeOffset(2020, 6, 16, 19, 9, 47, 174, TimeSpan.Zero), sprint.Latest!.CreatedAt.ToUniversalTime());
    }

    [Theory]
    [InlineData("github-summary-2022-11-25.json", "ljwdk6qml8z8", 7, "k0x2s8g2plxb")]
    [InlineData("cloudamqp-summary-maintenance-in-progress-2020-07-16.json", "qy6n39trpl7l", 2, "vgtxddng45wq")]
    [InlineData("discord-incidents-2022-02-15.json", "n4njzfn1mqy0", 1, "7gv6pn1zyz2n")]
    public void Other_real_responses_are_read_too(string file, string id, int updates, string latest)
    {
        var body = File.ReadAllBytes(PageScript.FixturePath(file));
        var all = StatusPageDocument.ReadIncidents(body)
            .Concat(body.AsSpan().IndexOf("\"scheduled_maintenances\""u8) >= 0 ? StatusPageDocument.ReadMaintenances(body) : []);

        var incident = Assert.Single(all, i => i.Id == id);

        Assert.Equal((updates, latest), (incident.Updates.Count, incident.Latest!.Id));
    }

    [Fact]
    public void Nulls_missing_optional_fields_and_unknown_fields_are_tolerated()
    {
        const string body = """
            {"page":{"id":"x"},"brand_new":{"nested":[1,2]},"incidents":[{"id":"abc","name":"Calls \u0026 texts","status":"identified",
             "created_at":"2026-01-01T10:00:00Z","impact":null,"shortlink":null,"mystery":true,
             "incident_updates":[{"id":"u1","status":"identified","body":null,"created_at":"2026-01-01T10:00:00+01:00",
               "display_at":null,"affected_components":null,"emoji":"🙂"}]}]}
            """;

        var incident = Assert.Single(StatusPageDocument.ReadIncidents(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(("Calls & texts", "none", null), (incident.Name, incident.Impact, incident.Shortlink));
        var update = Assert.Single(incident.Updates);
        Assert.Equal(("", update.CreatedAt), (update.Body, update.DisplayAt));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), update.CreatedAt);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Maintenance</body></html>")]
    [InlineData("{\"page\":{\"id\":\"x\"},\"incidents\":[{\"id\":\"abc\",\"name\":\"Cut")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"page":{"id":"x"}}""")]
    [InlineData("""{"incidents":{"id":"abc"}}""")]
    [InlineData("""{"incidents":[null]}""")]
    [InlineData("""{"incidents":[{"name":"No id","status":"investigating","created_at":"2026-01-01T10:00:00Z"}]}""")]
    [InlineData("""{"incidents":[{"id":"a","name":"No time","status":"investigating"}]}""")]
    [InlineData("""{"incidents":[{"id":"a","name":"Bad time","status":"investigating","created_at":"yesterday"}]}""")]
    [InlineData("""{"incidents":[{"id":"a","name":"Bad update","status":"investigating","created_at":"2026-01-01T10:00:00Z","incident_updates":[{"body":"no id"}]}]}""")]
    public void A_body_that_is_not_a_statuspage_list_is_refused_whole(string body)
    {
        Assert.Throws<StatusPageUnavailableException>(() => StatusPageDocument.ReadIncidents(Encoding.UTF8.GetBytes(body)));
    }
}
