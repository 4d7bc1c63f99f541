using System.Net.Http.Headers;
using System.Text;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Dashboard;

/// <summary>
/// <c>GET /dashboard/tickets/{reference}/recording</c>: the caller's recording, fetched from Twilio with the account's
/// credentials and streamed to the signed-in engineer. Twilio enforces HTTP auth on media for newer accounts
/// (reference/twilio.md §6), so the browser cannot be pointed at the recording URL itself.
/// </summary>
internal static class TicketRecording
{
    public static string PathFor(string reference) => $"{DashboardExtensions.BasePath}/tickets/{reference}/recording";

    /// <summary>Whether the service can fetch recordings at all: not in a dry run, which has no credentials to fetch with.</summary>
    public static bool CanFetch(TwilioOptions twilio) => twilio.AccountSid.Length > 0 && twilio.AuthToken.Length > 0;

    public static void MapTicketRecording(this IEndpointRouteBuilder app) =>
        app.MapGet(DashboardExtensions.BasePath + "/tickets/{reference}/recording", StreamAsync).RequireAuthorization(DashboardSignIn.Policy);

    private static async Task<IResult> StreamAsync(string reference, HttpContext context, TicketService tickets,
        IHttpClientFactory clients, IOptionsMonitor<TwilioOptions> options, CancellationToken ct)
    {
        var twilio = options.CurrentValue;
        if (await tickets.FindAsync(reference.ToUpperInvariant(), ct) is not { RecordingUrl: { } url } || !CanFetch(twilio) || !IsTwilioRecording(url))
            return Results.NotFound();

        // The named client sends every request to Twilio:ApiBaseUrl, whatever host the stored URL names, so the
        // account's credentials can only ever go to Twilio.
        using var request = new HttpRequestMessage(HttpMethod.Get, url + ".mp3");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        var response = await clients.CreateClient(TwilioRestClientSetup.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        context.Response.RegisterForDispose(response);
        // Twilio may answer with a short-lived link to the media itself, which needs no credentials.
        if (response.Headers.Location is { IsAbsoluteUri: true, Scheme: "https" } media && (int)response.StatusCode is >= 300 and < 400)
            return Results.Redirect(media.AbsoluteUri);
        if (!response.IsSuccessStatusCode)
            return Results.StatusCode(StatusCodes.Status502BadGateway);
        return Results.Stream(await response.Content.ReadAsStreamAsync(ct), "audio/mpeg");
    }

    private static bool IsTwilioRecording(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith("/2010-04-01/Accounts/", StringComparison.Ordinal)
        && uri.AbsolutePath.Contains("/Recordings/RE", StringComparison.Ordinal) && string.IsNullOrEmpty(uri.Query);
}
