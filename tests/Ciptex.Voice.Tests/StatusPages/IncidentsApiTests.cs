using System.Net;
using System.Net.Http.Json;
using Ciptex.Voice.StatusPages;

namespace Ciptex.Voice.Tests.StatusPages;

public sealed class IncidentsApiTests
{
    [Fact]
    public async Task Incidents_are_listed_per_page_with_their_updates_and_how_many_texts_each_caused()
    {
        using var page = new FakeStatusPage();
        var script = PageScript.FromSummary("twilio-summary-2020-06-16.json");
        await using var app = StatusPagesHost.Create([("twilio", "Twilio", page)]);
        await app.SubscribeAsync("+447700900111", "twilio");
        await app.SubscribeAsync("+447700900222", "twilio");
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await app.PollAsync("twilio");
        script.Post("4dtnnnnxnhn9", "mzbdntfd0001", "identified", "Movitel has found the fault.", "2020-06-16T14:20:00.000-07:00");
        page.Shows(script.IncidentsJson(), script.MaintenancesJson());
        await app.PollAsync("twilio");

        var pages = await app.CreateApiClient().GetFromJsonAsync<List<StatusPageIncidentsDto>>("/api/incidents?page=twilio");

        var twilio = Assert.Single(pages!);
        Assert.Equal(("twilio", "Twilio", 11), (twilio.Page, twilio.Name, twilio.Incidents.Count));
        var mozambique = Assert.Single(twilio.Incidents, i => i.Id == "4dtnnnnxnhn9");
        Assert.Equal(("identified", 2), (mozambique.Status, mozambique.Notified));
        Assert.Equal(["xv5y62py6x5n", "xj230q3zv0mm", "mzbdntfd0001"], mozambique.Updates.Select(u => u.Id));
        Assert.Equal([0, 0, 2], mozambique.Updates.Select(u => u.Notified));
        Assert.Equal(TimeSpan.Zero, mozambique.CreatedAt.Offset);
    }

    [Fact]
    public async Task The_list_needs_the_admin_key_and_refuses_an_unknown_page_or_limit()
    {
        using var page = new FakeStatusPage();
        await using var app = StatusPagesHost.Create([("twilio", "Twilio", page)]);
        var api = app.CreateApiClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/incidents?page=nope")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/incidents?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync("/api/incidents?limit=many")).StatusCode);
        var empty = await api.GetFromJsonAsync<List<StatusPageIncidentsDto>>("/api/incidents?page=");
        Assert.Empty(Assert.Single(empty!).Incidents);
    }
}
