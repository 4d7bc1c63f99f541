using System.Net;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Tests.Ivr;

/// <summary>Every Twilio route of the real service checks the signature before anything is stored.</summary>
public sealed class WebhookSignatureTests : IvrTestBase
{
    public static TheoryData<string> Routes =>
    [
        "/twilio/voice/incoming", "/twilio/voice/account", "/twilio/voice/category", "/twilio/voice/confirm?attempt=1&question=production",
        "/twilio/voice/recorded", "/twilio/voice/recording-status", "/twilio/voice/transcription", "/twilio/voice/updates",
        "/twilio/voice/status",
    ];

    private static readonly Dictionary<string, string> Form = new()
    {
        ["CallSid"] = "CA00000000000000000000000000000009", ["From"] = AcmeMobile, ["To"] = "+443458800808", ["Digits"] = "1",
        ["CallStatus"] = "completed",
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_request_without_a_signature_is_refused_with_an_empty_403_and_nothing_stored(string route)
    {
        using var response = await App.CreateClient().PostAsync(route, new FormUrlEncodedContent(Form));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Null(await SessionAsync("CA00000000000000000000000000000009"));
    }

    [Theory]
    [InlineData("https://voice.ciptex.test/twilio/voice/incoming", VoiceApp.AuthToken + "x")]
    [InlineData("https://elsewhere.example/twilio/voice/incoming", VoiceApp.AuthToken)]
    [InlineData("https://voice.ciptex.test/twilio/voice/incoming?attempt=2", VoiceApp.AuthToken)]
    public async Task A_signature_made_with_another_token_or_for_another_url_is_refused(string signedUrl, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice/incoming") { Content = new FormUrlEncodedContent(Form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(signedUrl, Pairs(Form), token));

        using var response = await App.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await SessionAsync("CA00000000000000000000000000000009"));
    }

    [Fact]
    public async Task A_correctly_signed_request_is_answered_and_stored()
    {
        using var response = await App.Twilio().PostAsync("/twilio/voice/incoming", Form);

        await TwilioWebhooks.ReadTwimlAsync(response);
        Assert.NotNull(await SessionAsync("CA00000000000000000000000000000009"));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_forwarded_scheme_and_host_are_what_is_checked()
    {
        App.Settings["Twilio:PublicBaseUrl"] = "";
        var signature = TwilioSignature.Compute("https://public.ciptex.test/twilio/voice/incoming", Pairs(Form), VoiceApp.AuthToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice/incoming") { Content = new FormUrlEncodedContent(Form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "public.ciptex.test");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        // TestServer connections carry no remote address, which the middleware accepts like a local proxy; a forwarded
        // header from an untrusted address is refused in TwilioForwardedHeadersTests.
        using var response = await App.CreateClient().SendAsync(request);

        await TwilioWebhooks.ReadTwimlAsync(response);
    }

    private static IEnumerable<KeyValuePair<string, StringValues>> Pairs(Dictionary<string, string> form) =>
        form.Select(kv => new KeyValuePair<string, StringValues>(kv.Key, kv.Value));
}
