using System.Net;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>Twilio's webhook bodies are small: a larger one is refused with 413 before anything reads or stores it.</summary>
public sealed class BodyLimitTests
{
    private const string CallSid = "CA00000000000000000000000000000413";

    [Fact]
    public async Task A_signed_recording_action_over_the_limit_gets_413_and_stores_nothing()
    {
        await using var app = new VoiceApp();
        var response = await app.Twilio().PostAsync("/twilio/voice/recorded?attempt=1", RecordingForm(padding: TwilioBodyLimit.MaxBytes));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.QueryAsync(db => db.Set<Ticket>().CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.Set<CallSession>().CountAsync()));
    }

    [Fact]
    public async Task A_signed_form_just_under_the_limit_is_still_handled()
    {
        await using var app = new VoiceApp();
        var form = RecordingForm(padding: 0);
        var size = new FormUrlEncodedContent(form).Headers.ContentLength!.Value;
        form = RecordingForm(padding: TwilioBodyLimit.MaxBytes - (int)size);
        Assert.Equal(TwilioBodyLimit.MaxBytes, new FormUrlEncodedContent(form).Headers.ContentLength);

        var response = await app.Twilio().PostAsync("/twilio/voice/recorded?attempt=1", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await app.QueryAsync(db => db.Set<Ticket>().CountAsync(t => t.CallSid == CallSid)));
    }

    [Fact]
    public async Task An_oversized_body_of_unknown_length_gets_413_too()
    {
        await using var app = new VoiceApp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice/incoming")
        {
            Content = new UnknownLengthContent(new string('a', TwilioBodyLimit.MaxBytes + 1)),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => db.Set<CallSession>().CountAsync()));
    }

    [Fact]
    public async Task A_small_body_of_unknown_length_still_reaches_the_signature_check()
    {
        await using var app = new VoiceApp();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice/incoming")
        {
            Content = new UnknownLengthContent($"CallSid={CallSid}&From=%2B447700900123"),
        };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // read, then refused as unsigned: not 413
    }

    /// <summary>The record action's fields, with a transcription padded by <paramref name="padding"/> characters.</summary>
    private static List<KeyValuePair<string, string>> RecordingForm(int padding) =>
    [
        new("AccountSid", VoiceApp.AccountSid),
        new("CallSid", CallSid),
        new("From", "+442079460123"),
        new("RecordingSid", "RE00000000000000000000000000000413"),
        new("RecordingUrl", $"https://api.twilio.com/2010-04-01/Accounts/{VoiceApp.AccountSid}/Recordings/RE00000000000000000000000000000413"),
        new("RecordingDuration", "12"),
        new("Padding", new string('x', Math.Max(0, padding))),
    ];

    /// <summary>Sent chunked, with no Content-Length, as a client that streams its body would.</summary>
    private sealed class UnknownLengthContent(string body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(body)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
