using System.Xml.Linq;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Dashboard.Simulator;

/// <summary>The service answered a simulated webhook with something Twilio would not accept either.</summary>
public sealed class SimulatorException(string message) : Exception(message);

/// <summary>
/// Plays Twilio for the simulator page: each step is a real, signed HTTP request to the service's own
/// <c>/twilio/voice/*</c> routes, through the signature filter and everything else a real call meets, so what the
/// page shows is exactly what a caller would hear.
/// </summary>
public sealed class PhoneSimulator(
    IHttpClientFactory clients, WebhookSigningKeys keys, IOptionsMonitor<TwilioOptions> twilio, SimulatorCalls calls, ServiceAddress address)
{
    public const string HttpClientName = "PhoneSimulator";

    // Twilio gives up on a TwiML URL after 15 s; a slower answer is a failure the page should show, not wait out.
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private const int MaxRedirects = 5;

    public async Task<SimulatorCall> DialAsync(string? from, CancellationToken ct)
    {
        var accountSid = twilio.CurrentValue.AccountSid is { Length: > 0 } sid ? sid : SimulatedCall.PlaceholderAccountSid;
        var call = calls.Start(from, accountSid);
        call.Transcript.Add(new("line", $"Calling +44 345 8800 808 from {from ?? "a withheld number"}."));
        await AnswerAsync(call, call.Call.Dial(), ct);
        return call;
    }

    /// <summary>A key on the keypad. Twilio collects keys until the Gather has its digits (or its finishing key), then posts them.</summary>
    public async Task PressAsync(SimulatorCall call, char key, CancellationToken ct)
    {
        if (call.Ended || call.Call.Gather is null)
            return;
        if (call.Call.FinishOnKey.Contains(key))
        {
            await SendDigitsAsync(call, key.ToString(), ct);
            return;
        }
        call.Digits += key;
        if (call.Call.DigitsWanted is { } wanted && call.Digits.Length >= wanted)
            await SendDigitsAsync(call, "", ct);
    }

    /// <summary>The caller says nothing until the prompt times out: Twilio sends whatever keys it has, or carries on without them.</summary>
    public async Task WaitAsync(SimulatorCall call, CancellationToken ct)
    {
        if (call.Ended)
            return;
        if (call.Call.Gather is not null && call.Digits.Length > 0)
        {
            await SendDigitsAsync(call, "", ct);
            return;
        }
        call.Transcript.Add(new("caller", "(says nothing)"));
        if (call.Call.Silence() is { } next)
            await AnswerAsync(call, next, ct);
        else
            await EndAsync(call, ct);
    }

    /// <summary>
    /// The caller speaks after the tone and presses #: the Record action, then Twilio's recording and transcription
    /// callbacks, in the order Twilio sends them. The text typed stands for what Twilio's transcription heard.
    /// </summary>
    public async Task RecordAsync(SimulatorCall call, string? words, CancellationToken ct)
    {
        if (call.Ended || call.Call.Record is null)
            return;
        if (string.IsNullOrWhiteSpace(words))
        {
            await WaitAsync(call, ct);
            return;
        }
        var recordingSid = "RE" + Guid.NewGuid().ToString("N");
        var seconds = Math.Clamp((int)Math.Ceiling(words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length / 2.5), 1, 120);
        var recorded = call.Call.Recorded(recordingSid, seconds);
        var callbacks = new[] { call.Call.RecordingCompleted(recordingSid, seconds), call.Call.Transcribed(recordingSid, words.Trim()) };
        call.Transcript.Add(new("caller", $"(after the tone) {words.Trim()} #"));
        await AnswerAsync(call, recorded, ct);
        foreach (var callback in callbacks.OfType<WebhookRequest>())
            await SendAsync(callback, ct);
    }

    public async Task HangUpAsync(SimulatorCall call, CancellationToken ct)
    {
        if (call.Ended)
            return;
        call.Transcript.Add(new("caller", "(hangs up)"));
        await EndAsync(call, ct);
    }

    private async Task SendDigitsAsync(SimulatorCall call, string finishingKey, CancellationToken ct)
    {
        var digits = call.Digits;
        call.Digits = "";
        call.Transcript.Add(new("caller", $"Presses {string.Join(' ', (digits + finishingKey).ToCharArray())}"));
        await AnswerAsync(call, call.Call.Press(digits), ct);
    }

    /// <summary>Sends a step and shows what is said; follows a Redirect at once and ends the call where Twilio would.</summary>
    private async Task AnswerAsync(SimulatorCall call, WebhookRequest request, CancellationToken ct, int redirects = 0)
    {
        var twiml = await SendAsync(request, ct);
        call.Call.Answered(twiml.Length > 0 ? XDocument.Parse(twiml) : throw new SimulatorException($"{request.PathAndQuery} answered with no TwiML."));
        foreach (var said in call.Call.Says)
            call.Transcript.Add(new("service", said));
        if (call.Call.Waiting is { Name.LocalName: "Redirect" } && redirects < MaxRedirects)
            await AnswerAsync(call, call.Call.Silence()!, ct, redirects + 1);
        else if (call.Call.Waiting is not { Name.LocalName: "Gather" or "Record" })
            await EndAsync(call, ct);
    }

    private async Task EndAsync(SimulatorCall call, CancellationToken ct)
    {
        if (call.Ended)
            return;
        call.Ended = true;
        call.Transcript.Add(new("line", "The call has ended."));
        await SendAsync(call.Call.StatusCallback("completed"), ct);
    }

    /// <summary>
    /// Posts one webhook, signed for the URL the signature filter will check, and returns its TwiML, if any. As text:
    /// an async method that returned an <c>XDocument</c> would load the XML library with the service's types.
    /// </summary>
    private async Task<string> SendAsync(WebhookRequest webhook, CancellationToken ct)
    {
        var key = keys.ForSigning ?? throw new SimulatorException("There is no key to sign webhooks with: set Twilio:AuthToken.");
        var target = new Uri(address.Local, webhook.PathAndQuery);
        var options = twilio.CurrentValue;
        var signedUrl = (options.PublicBaseUrl.Length > 0 ? options.PublicBaseUrl.TrimEnd('/') : target.GetLeftPart(UriPartial.Authority))
            + webhook.PathAndQuery;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(webhook.Form) };
        request.Headers.Add(TwilioSignature.Header,
            TwilioSignature.Compute(signedUrl, webhook.Form.Select(f => new KeyValuePair<string, StringValues>(f.Key, f.Value)), key));

        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new SimulatorException($"{webhook.PathAndQuery} answered {(int)response.StatusCode}" +
                (response.StatusCode == System.Net.HttpStatusCode.Forbidden ? ": the signature was refused (is Twilio:PublicBaseUrl right?)." : "."));
        return body;
    }
}
