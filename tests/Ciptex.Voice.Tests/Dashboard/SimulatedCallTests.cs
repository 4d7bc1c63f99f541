using System.Xml.Linq;
using Ciptex.Voice.Dashboard.Simulator;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>How the simulator (and the IVR tests) follow TwiML: the way Twilio does, verb by verb.</summary>
public sealed class SimulatedCallTests
{
    private static SimulatedCall Answered(string twiml)
    {
        var call = new SimulatedCall("+447700900555", "CA00000000000000000000000000000001");
        call.Answered(XDocument.Parse(twiml));
        return call;
    }

    private static string? Field(WebhookRequest request, string name) => request.Form.SingleOrDefault(f => f.Key == name).Value;

    [Theory]
    [InlineData("/twilio/voice/account?attempt=2", "/twilio/voice/account?attempt=2")]
    [InlineData("https://voice.ciptex.test/twilio/voice/account?attempt=2", "/twilio/voice/account?attempt=2")]
    public void A_key_goes_to_the_Gathers_action_whether_it_is_relative_or_under_the_public_base_url(string action, string expected)
    {
        var call = Answered($"""<Response><Gather action="{action}" numDigits="6" finishOnKey=""><Say>Your account number?</Say></Gather></Response>""");

        var request = call.Press("100002");

        Assert.Equal(expected, request.PathAndQuery);
        Assert.Equal(("100002", "CA00000000000000000000000000000001", "+447700900555"),
            (Field(request, "Digits"), Field(request, "CallSid"), Field(request, "From")));
        Assert.Equal((6, ""), (call.DigitsWanted, call.FinishOnKey));
        Assert.Equal(["Your account number?"], call.Says);
    }

    [Fact]
    public void Silence_at_a_Gather_with_actionOnEmptyResult_posts_empty_digits_to_its_action()
    {
        var call = Answered("""<Response><Gather action="/a" actionOnEmptyResult="true" /><Redirect>/b</Redirect></Response>""");

        var request = call.Silence();

        Assert.Equal(("/a", ""), (request?.PathAndQuery, Field(request!, "Digits")));
    }

    [Fact]
    public void Silence_at_a_Gather_without_actionOnEmptyResult_or_at_a_Record_carries_on_to_the_next_Redirect()
    {
        Assert.Equal("/b", Answered("""<Response><Gather action="/a" /><Say>Bye?</Say><Redirect>/b</Redirect></Response>""").Silence()?.PathAndQuery);
        Assert.Equal("/recorded?attempt=2",
            Answered("""<Response><Record action="/recorded?attempt=1" /><Redirect method="POST">/recorded?attempt=2</Redirect></Response>""").Silence()?.PathAndQuery);
    }

    [Theory]
    [InlineData("<Response><Say>Goodbye.</Say><Hangup /></Response>")]
    [InlineData("<Response><Say>Goodbye.</Say></Response>")]
    [InlineData("<Response><Hangup /><Gather action=\"/a\" /></Response>")]
    public void A_Hangup_or_running_out_of_verbs_ends_the_call(string twiml)
    {
        var call = Answered(twiml);

        Assert.True(call.Ended);
        Assert.Null(call.Silence());
    }

    [Fact]
    public void A_recording_goes_to_the_Records_action_then_its_status_and_transcription_callbacks()
    {
        var call = Answered("""
            <Response><Record action="/twilio/voice/recorded?attempt=1" recordingStatusCallback="/twilio/voice/recording-status"
              transcribe="true" transcribeCallback="/twilio/voice/transcription" /></Response>
            """);
        const string sid = "RE00000000000000000000000000000009";

        var recorded = call.Recorded(sid, 12);
        var status = call.RecordingCompleted(sid, 12);
        var transcribed = call.Transcribed(sid, "The checkout is down.");

        Assert.Equal("/twilio/voice/recorded?attempt=1", recorded.PathAndQuery);
        Assert.Equal(("12", "#"), (Field(recorded, "RecordingDuration"), Field(recorded, "Digits")));
        Assert.Equal(call.RecordingUrl(sid), Field(recorded, "RecordingUrl"));
        Assert.Equal(("/twilio/voice/recording-status", "completed"), (status?.PathAndQuery, Field(status!, "RecordingStatus")));
        Assert.Equal(("/twilio/voice/transcription", "The checkout is down.", "completed"),
            (transcribed?.PathAndQuery, Field(transcribed!, "TranscriptionText"), Field(transcribed!, "TranscriptionStatus")));
    }

    [Fact]
    public void A_withheld_number_is_sent_as_anonymous()
    {
        var request = new SimulatedCall(from: null).Dial();

        Assert.Equal(("/twilio/voice/incoming", "anonymous", "+443458800808"), (request.PathAndQuery, Field(request, "From"), Field(request, "To")));
    }
}
