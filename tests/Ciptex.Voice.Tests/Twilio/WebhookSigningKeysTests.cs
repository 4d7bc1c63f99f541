using System.Net;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>The per-process key that lets the phone simulator sign webhooks in Development without a Twilio account.</summary>
public sealed class WebhookSigningKeysTests
{
    private static VoiceApp App(string environment, string authToken)
    {
        var app = new VoiceApp { Environment = environment };
        app.Settings["Twilio:AuthToken"] = authToken;
        return app;
    }

    private static Task<HttpResponseMessage> IncomingCallAsync(VoiceApp app, string key) =>
        new TwilioWebhooks(app.CreateClient(), token: key).PostAsync("/twilio/voice/incoming",
            new Dictionary<string, string> { ["CallSid"] = "CA" + Guid.NewGuid().ToString("N"), ["From"] = "+447700900555" });

    [Fact]
    public async Task In_Development_without_an_auth_token_webhooks_signed_with_the_process_key_are_answered_and_others_refused()
    {
        await using var app = App("Development", authToken: "");
        var keys = app.Services.GetRequiredService<WebhookSigningKeys>();
        Assert.True(keys.UsesProcessKey);
        var processKey = Assert.IsType<string>(keys.ForSigning);

        using var signed = await IncomingCallAsync(app, processKey);
        using var forged = await IncomingCallAsync(app, "a-key-somebody-guessed");

        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task Each_process_makes_its_own_key()
    {
        await using var first = App("Development", authToken: "");
        await using var second = App("Development", authToken: "");

        Assert.NotEqual(first.Services.GetRequiredService<WebhookSigningKeys>().ForSigning,
            second.Services.GetRequiredService<WebhookSigningKeys>().ForSigning);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task With_an_auth_token_only_the_auth_token_signs_and_no_process_key_is_accepted(string environment)
    {
        await using var app = App(environment, authToken: VoiceApp.AuthToken);
        var keys = app.Services.GetRequiredService<WebhookSigningKeys>();

        Assert.False(keys.UsesProcessKey);
        Assert.Equal(VoiceApp.AuthToken, keys.ForSigning);
        Assert.Equal([VoiceApp.AuthToken], keys.Accepted);
        using var signed = await IncomingCallAsync(app, VoiceApp.AuthToken);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }
}
