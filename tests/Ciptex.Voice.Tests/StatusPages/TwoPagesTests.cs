using Ciptex.Voice.StatusPages;

namespace Ciptex.Voice.Tests.StatusPages;

public sealed class TwoPagesTests
{
    private const string TwilioOnly = "+447700900111";
    private const string CiptexOnly = "+447700900222";
    private const string Both = "+447700900333";

    [Fact]
    public async Task Each_page_texts_its_own_subscribers_only()
    {
        using var twilio = new FakeStatusPage();
        using var ciptex = new FakeStatusPage();
        var twilioScript = PageScript.FromSummary("twilio-summary-2020-06-16.json");
        var ciptexScript = PageScript.Empty();
        await using var app = StatusPagesHost.Create([("twilio", "Twilio", twilio), ("ciptex", "Ciptex", ciptex)]);
        await app.SubscribeAsync(TwilioOnly, "twilio");
        await app.SubscribeAsync(CiptexOnly, "ciptex");
        await app.SubscribeAsync(Both, "twilio", "ciptex");
        var outbox = new OutboxLog();
        twilio.Shows(twilioScript.IncidentsJson(), twilioScript.MaintenancesJson());
        ciptex.Shows(ciptexScript.IncidentsJson(), ciptexScript.MaintenancesJson());
        Assert.Equal(PollOutcome.Baseline, (await app.PollAsync("twilio")).Outcome);
        Assert.Equal(PollOutcome.Baseline, (await app.PollAsync("ciptex")).Outcome);

        twilioScript.Post("4dtnnnnxnhn9", "mzbdntfd0001", "identified", "Movitel has found the fault.", "2020-06-16T14:20:00.000-07:00");
        ciptexScript.Add(PageScript.Incident("cpx000000001", "Portal sign-in slow", "investigating", "minor", "2026-11-26T10:00:00Z",
            PageScript.Update("cpxupd000001", "cpx000000001", "investigating", "Sign-in to the Ciptex portal is slow.", "2026-11-26T10:00:00Z")));
        twilio.Shows(twilioScript.IncidentsJson(), twilioScript.MaintenancesJson());
        ciptex.Shows(ciptexScript.IncidentsJson(), ciptexScript.MaintenancesJson());

        // Only the Twilio page is polled first: the Ciptex news is not told by a Twilio poll.
        await app.PollAsync("twilio");
        var twilioText = "Twilio incident: SMS Delivery Delays to Mozambique Movitel\nIdentified: Movitel has found the fault.\nhttp://stspg.io/q363nfb5wg00";
        Assert.Equal([(TwilioOnly, twilioText), (Both, twilioText)], await outbox.NewAsync(app));

        await app.PollAsync("ciptex");
        var ciptexText = "Ciptex incident: Portal sign-in slow\nInvestigating: Sign-in to the Ciptex portal is slow.\nhttps://stspg.io/cpx000000001";
        Assert.Equal([(CiptexOnly, ciptexText), (Both, ciptexText)], await outbox.NewAsync(app));

        var open = await app.OpenIncidentsAsync();
        Assert.Contains(open, i => (i.PageName, i.Name, i.StatusWord) == ("Ciptex", "Portal sign-in slow", "Investigating"));
        Assert.Contains(open, i => (i.PageName, i.Name, i.StatusWord) == ("Twilio", "SMS Delivery Delays to Mozambique Movitel", "Identified"));
    }
}
