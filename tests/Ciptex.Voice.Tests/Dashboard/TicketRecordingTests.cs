using System.Net;
using System.Text;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tests.Ivr;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>The recording player's source: Twilio's media, fetched with the account's credentials, never the browser's.</summary>
public sealed class TicketRecordingTests : IvrTestBase, IDisposable
{
    private const string RecordingSid = "RE00000000000000000000000000000001";
    private static readonly byte[] Audio = Encoding.ASCII.GetBytes("ID3-pretend-mp3");
    private readonly WireMockServer _twilio = WireMockServer.Start();

    public TicketRecordingTests() => App.Settings["Twilio:ApiBaseUrl"] = _twilio.Url;

    public void Dispose() => _twilio.Dispose();

    [Fact]
    public async Task A_signed_in_engineer_hears_the_recording_fetched_from_Twilio_with_basic_auth()
    {
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{VoiceApp.AccountSid}:{VoiceApp.AuthToken}"));
        _twilio.Given(Request.Create().UsingGet().WithPath($"/2010-04-01/Accounts/{VoiceApp.AccountSid}/Recordings/{RecordingSid}.mp3")
                .WithHeader("Authorization", $"Basic {basic}"))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "audio/mpeg").WithBody(Audio));
        await RaiseAsync(AcmeMobile, "3");
        var dashboard = new DashboardClient(App);
        await dashboard.SignInAsync();

        using var response = await dashboard.Http.GetAsync("/dashboard/tickets/CIP-000001/recording");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/mpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Audio, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("src=\"/dashboard/tickets/CIP-000001/recording\"", await dashboard.Http.GetStringAsync("/dashboard/tickets/CIP-000001"));
    }

    [Fact]
    public async Task When_Twilio_will_not_serve_it_the_player_gets_a_502_and_a_ticket_without_one_a_404()
    {
        _twilio.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(401));
        await RaiseAsync(AcmeMobile, "3");
        var dashboard = new DashboardClient(App);
        await dashboard.SignInAsync();

        Assert.Equal(HttpStatusCode.BadGateway, (await dashboard.Http.GetAsync("/dashboard/tickets/CIP-000001/recording")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dashboard.Http.GetAsync("/dashboard/tickets/CIP-000999/recording")).StatusCode);
    }
}
