using System.Text;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Ivr;

/// <summary>
/// Correctly signed requests with missing, huge, unicode and mistyped fields: a caller must never hear Twilio's
/// "application error", so every answer is a 200 TwiML document (or 413 for a body over the limit of the /twilio routes).
/// </summary>
public sealed class WebhookFuzzTests : IvrTestBase
{
    private static readonly string[] Routes =
    [
        "/twilio/voice/incoming", "/twilio/voice/account?attempt=3", "/twilio/voice/category?attempt=2", "/twilio/voice/confirm?attempt=1&question=production",
        "/twilio/voice/confirm?attempt=9&question=chargeable", "/twilio/voice/confirm?question=nonsense", "/twilio/voice/recorded?attempt=-4",
        "/twilio/voice/recording-status", "/twilio/voice/transcription", "/twilio/voice/updates?attempt=abc", "/twilio/voice/status",
    ];

    private static readonly string[] Fields =
        ["CallSid", "From", "To", "Digits", "CallStatus", "RecordingUrl", "RecordingSid", "RecordingDuration", "TranscriptionText", "TranscriptionStatus"];

    // No NUL or other C0 controls but tab and newlines: ASP.NET's form reader refuses them before any handler runs
    // (so the signature filter answers 403), and Twilio never sends them.
    private static readonly string[] Values =
    [
        "", " ", "1", "*", "#", "0000000000", "-1", "99999999999999999999", "2147483648", "1.5", "true", "null", "😀📞", "Ŵëłšh ✓",
        "\t\r\n", "<Response><Hangup/></Response>", "'; DROP TABLE Ticket; --", "+447700900123", "07700 900123", "client:alice",
        "sip:alice@example.com", "CA" + new string('f', 32), "CA" + new string('x', 5000), "https://api.twilio.com/x", "http://evil.example/x",
        "completed", "busy", "no-answer", new string('9', 100_000), "\u202Eevil", "%00",
    ];

    [Fact]
    public async Task Every_route_answers_every_mangled_form_with_a_TwiML_document()
    {
        var twilio = App.Twilio();
        var random = new Random(20261126);
        for (var round = 0; round < 400; round++)
        {
            var route = Routes[random.Next(Routes.Length)];
            var form = new List<KeyValuePair<string, string>>();
            foreach (var field in Fields)
            {
                if (random.Next(4) > 0)
                    form.Add(new(field, random.Next(5) == 0 && field == "CallSid" ? $"CA{round:D32}" : Values[random.Next(Values.Length)]));
            }
            if (random.Next(10) == 0)
                form.Add(new("Digits", "5"));

            using var response = await twilio.PostAsync(route, form);
            try
            {
                // Larger than anything Twilio sends: refused before any handler runs (Hardening/BodyLimitTests).
                if (new FormUrlEncodedContent(form).Headers.ContentLength > Ciptex.Voice.Twilio.TwilioBodyLimit.MaxBytes)
                    Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                else
                    await TwilioWebhooks.ReadTwimlAsync(response);
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"Round {round}: {route} with {Describe(form)} failed: {ex.Message}");
            }
        }
    }

    [Fact]
    public async Task A_caller_with_a_withheld_number_can_still_raise_a_ticket_for_their_account()
    {
        var call = Call("Anonymous");
        await call.DialAsync();
        await call.PressAsync("100001");
        await call.PressAsync("4");
        await call.RecordAsync();

        Assert.Single(await TicketsAsync());
    }

    private static string Describe(List<KeyValuePair<string, string>> form)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in form)
            text.Append(key).Append('=').Append(System.Text.Json.JsonSerializer.Serialize(value.Length > 40 ? value[..40] + "…" : value)).Append("; ");
        return text.ToString();
    }
}
