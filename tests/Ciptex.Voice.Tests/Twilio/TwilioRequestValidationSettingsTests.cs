using System.Net;
using Ciptex.Voice.Twilio;

namespace Ciptex.Voice.Tests.Twilio;

public sealed class TwilioRequestValidationSettingsTests
{
    [Fact]
    public async Task Without_an_AuthToken_every_webhook_gets_403_and_a_warning()
    {
        await using var host = await WebhookTestHost.StartAsync(new() { ["Twilio:AuthToken"] = "" });

        var response = await host.Client.SendAsync(WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Invocations);
        Assert.Contains(host.Warnings, w => w.Contains("AuthToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turning_validation_off_lets_unsigned_webhooks_through()
    {
        await using var host = await WebhookTestHost.StartAsync(new() { ["Twilio:ValidateRequests"] = "false" });
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields());
        request.Headers.Remove(TwilioSignature.Header);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, host.Invocations);
    }

    [Fact]
    public async Task During_token_rotation_a_signature_made_with_the_secondary_token_is_accepted()
    {
        await using var host = await WebhookTestHost.StartAsync(new() { ["Twilio:SecondaryAuthToken"] = "new-token" });

        var oldToken = await host.Client.SendAsync(WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields()));
        var newToken = await host.Client.SendAsync(
            WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields(), token: "new-token"));
        var neither = await host.Client.SendAsync(
            WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields(), token: "stale-token"));

        Assert.Equal(HttpStatusCode.OK, oldToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, neither.StatusCode);
    }

    [Fact]
    public async Task An_unsupported_signature_algorithm_gets_403()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields());
        request.Headers.Add(TwilioSignature.SettingsHeader, "key=KS123,algorithm=HMAC_SHA512");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_refusal_warning_names_the_reason_but_not_the_token_or_the_callers_number()
    {
        await using var host = await WebhookTestHost.StartAsync();
        const string path = "/twilio/voice/status?CallSid=CA123&From=%2B447700900123";
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TwilioSignature.Header, "forged");

        await host.Client.SendAsync(request);

        var warning = Assert.Single(host.Warnings);
        Assert.Contains("does not match", warning, StringComparison.Ordinal);
        Assert.Contains("http://localhost/twilio/voice/status", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookTestHost.Token, warning, StringComparison.Ordinal);
        Assert.DoesNotContain("447700900123", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_warning_leaves_out_credentials_in_the_public_base_URL()
    {
        await using var host = await WebhookTestHost.StartAsync(new() { ["Twilio:PublicBaseUrl"] = "https://twilio:s3cret@voice.example.com" });
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields(), token: "another-token");

        await host.Client.SendAsync(request);

        var warning = Assert.Single(host.Warnings);
        Assert.Contains("https://voice.example.com/twilio/voice/incoming", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", warning, StringComparison.Ordinal);
    }
}
