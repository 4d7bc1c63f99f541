using System.Text;
using System.Xml.Linq;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TwilioGather = Twilio.TwiML.Voice.Gather;
using TwilioHttpMethod = Twilio.Http.HttpMethod;
using TwilioMessagingResponse = Twilio.TwiML.MessagingResponse;
using TwilioSay = Twilio.TwiML.Voice.Say;
using TwilioVoiceResponse = Twilio.TwiML.VoiceResponse;

namespace Ciptex.Voice.Tests.Twilio;

public sealed class TwiMLResultTests
{
    private const string Voice = "Polly.Amy-Neural";
    private const string Language = "en-GB";

    [Fact]
    public async Task A_voice_response_is_written_as_UTF8_XML_with_the_declaration_first()
    {
        var (contentType, body) = await ExecuteAsync(new VoiceTwiml().Say("Welcome to Ciptex support.", Voice, Language).ToResult());

        Assert.Equal("application/xml; charset=utf-8", contentType);
        Assert.StartsWith("""<?xml version="1.0" encoding="utf-8"?>""", body, StringComparison.Ordinal);
        var document = XDocument.Parse(body);
        Assert.Equal("Response", document.Root!.Name.LocalName);
        Assert.Equal("Welcome to Ciptex support.", document.Root.Element("Say")!.Value);
    }

    [Fact]
    public async Task The_empty_result_is_an_empty_Response_element_for_status_callbacks()
    {
        var (contentType, body) = await ExecuteAsync(TwiMLResult.Empty);

        Assert.Equal("application/xml; charset=utf-8", contentType);
        Assert.StartsWith("<?xml", body, StringComparison.Ordinal);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal("Response", root.Name.LocalName);
        Assert.False(root.HasElements);
    }

    [Fact]
    public async Task The_body_has_no_byte_order_mark_and_its_length_is_declared()
    {
        var context = NewContext();
        await new VoiceTwiml().Hangup().ToResult().ExecuteAsync(context);

        var bytes = ((MemoryStream)context.Response.Body).ToArray();
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(bytes.Length, context.Response.ContentLength);
    }

    [Fact]
    public void Markup_in_text_and_in_attributes_is_escaped()
    {
        const string text = """Fish & Chips <Ltd> say "hello" & 'bye'""";
        const string url = """https://voice.ciptex.test/twilio/voice/confirm?attempt=2&question="production"<>""";

        var body = Text(new VoiceTwiml().StartGather(url, timeout: 6, finishOnKey: "", numDigits: 1).Say(text, Voice, Language).EndGather()
            .Redirect(url).ToResult());

        Assert.Contains("""Fish &amp; Chips &lt;Ltd&gt; say "hello" &amp; 'bye'""", body, StringComparison.Ordinal);
        Assert.Contains("""action="https://voice.ciptex.test/twilio/voice/confirm?attempt=2&amp;question=&quot;production&quot;&lt;&gt;" """,
            body, StringComparison.Ordinal);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(text, root.Element("Gather")!.Element("Say")!.Value);
        Assert.Equal(url, root.Element("Gather")!.Attribute("action")!.Value);
        Assert.Equal(url, root.Element("Redirect")!.Value);
    }

    [Fact]
    public void Characters_XML_does_not_allow_become_spaces_and_the_rest_is_kept()
    {
        // A status page's incident name or an admin-entered customer name: control characters, lone surrogates and
        // the two noncharacters XML forbids, among a tab, a line break, an emoji (a surrogate pair) and accents.
        const string name = "Acme\u0000\u0001\u001F\u000BLtd\uD800x\uDC00y\uFFFE\uFFFF\tZo\u00EB\n\U0001F600 \u20AC\uD83D";
        const string expected = "Acme    Ltd x y  \tZo\u00EB\n\U0001F600 \u20AC ";

        var body = new VoiceTwiml().Say(name, Voice, Language)
            .Record(name, timeout: 10, finishOnKey: "#", maxLength: 120, playBeep: true, name, transcribe: true, name).ToResult().Body;

        // Read from the bytes, as Twilio reads them: the reader checks the UTF-8 and every character.
        var root = XDocument.Load(new MemoryStream(body.ToArray())).Root!;
        Assert.Equal(expected, root.Element("Say")!.Value);
        // In an attribute the tab and line break are written as references, or a parser would read them as spaces.
        Assert.Equal(expected, root.Element("Record")!.Attribute("action")!.Value);
    }

    [Fact]
    public void A_Gather_holds_the_Says_written_between_its_start_and_its_end()
    {
        var body = Text(new VoiceTwiml().Say("Hello.", Voice, Language)
            .StartGather("/twilio/voice/category?attempt=2", timeout: 6, finishOnKey: "", numDigits: 1)
            .Say("Sorry, that is not one of the options.", Voice, Language).Say("Press 1 for P1.", Voice, Language)
            .EndGather().ToResult());

        var root = XDocument.Parse(body).Root!;
        Assert.Equal(["Say", "Gather"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(["Sorry, that is not one of the options.", "Press 1 for P1."], root.Element("Gather")!.Elements("Say").Select(s => s.Value));
    }

    [Fact]
    public void Only_Say_can_be_nested_in_a_Gather_and_a_Gather_must_be_ended()
    {
        Assert.Throws<InvalidOperationException>(() => new VoiceTwiml().StartGather("/a", 6, "", 1).Hangup());
        Assert.Throws<InvalidOperationException>(() => new VoiceTwiml().StartGather("/a", 6, "", 1).Redirect("/b"));
        Assert.Throws<InvalidOperationException>(() => new VoiceTwiml().StartGather("/a", 6, "", 1).ToResult());
        Assert.Throws<InvalidOperationException>(() => new VoiceTwiml().EndGather());
    }

    [Fact]
    public void Every_verb_and_attribute_the_IVR_uses_is_written_as_the_Twilio_library_wrote_it()
    {
        const string say = """Thank you for calling. Hello, Fish & Chips <Ltd> "UK".""";
        const string action = "https://voice.ciptex.test/twilio/voice/confirm?attempt=2&question=production";
        const string recorded = "https://voice.ciptex.test/twilio/voice/recorded?attempt=1";
        const string status = "https://voice.ciptex.test/twilio/voice/recording-status";
        const string transcription = "https://voice.ciptex.test/twilio/voice/transcription";
        const string redirect = "https://voice.ciptex.test/twilio/voice/recorded?attempt=2";

        var gather = new TwilioGather(input: [TwilioGather.InputEnum.Dtmf], action: new Uri(action), method: TwilioHttpMethod.Post,
            timeout: 6, finishOnKey: "", numDigits: 1, actionOnEmptyResult: true);
        gather.Say("Sorry, I did not hear anything.", voice: Voice, language: TwilioSay.LanguageEnum.EnGb);
        gather.Say("Is a production service affected?", voice: Voice, language: TwilioSay.LanguageEnum.EnGb);
        var library = new TwilioVoiceResponse()
            .Say(say, voice: Voice, language: TwilioSay.LanguageEnum.EnGb)
            .Append(gather)
            .Record(action: new Uri(recorded), method: TwilioHttpMethod.Post, timeout: 10, finishOnKey: "#", maxLength: 120, playBeep: true,
                recordingStatusCallback: new Uri(status), recordingStatusCallbackMethod: TwilioHttpMethod.Post, transcribe: true,
                transcribeCallback: new Uri(transcription))
            .Redirect(new Uri(redirect), TwilioHttpMethod.Post)
            .Hangup();
        var ours = new VoiceTwiml()
            .Say(say, Voice, Language)
            .StartGather(action, timeout: 6, finishOnKey: "", numDigits: 1)
            .Say("Sorry, I did not hear anything.", Voice, Language)
            .Say("Is a production service affected?", Voice, Language)
            .EndGather()
            .Record(recorded, timeout: 10, finishOnKey: "#", maxLength: 120, playBeep: true, status, transcribe: true, transcription)
            .Redirect(redirect)
            .Hangup();

        AssertSameDocument(library.ToString(SaveOptions.DisableFormatting), Text(ours.ToResult()));
    }

    [Fact]
    public void A_reply_to_a_text_is_written_as_the_Twilio_library_wrote_it()
    {
        const string reply = "Ticket CIP-000123 is open. Reply STOP & we'll stop <texting>.";

        var body = Text(new MessagingTwiml().Message(reply).ToResult());

        Assert.Equal(reply, XDocument.Parse(body).Root!.Element("Message")!.Value);
        AssertSameDocument(new TwilioMessagingResponse().Message(reply).ToString(SaveOptions.DisableFormatting), body);
    }

    // Parsed, so only what Twilio reads is compared: elements, attributes and their order, values, and whether an
    // element was written empty (<Hangup />) or with an end tag (<Hangup></Hangup>).
    private static void AssertSameDocument(string expected, string actual)
    {
        var (libraryDocument, ourDocument) = (XDocument.Parse(expected), XDocument.Parse(actual));
        Assert.Equal(libraryDocument.Declaration?.ToString(), ourDocument.Declaration?.ToString());
        Assert.Equal(libraryDocument.Root!.ToString(), ourDocument.Root!.ToString());
        Assert.True(XNode.DeepEquals(libraryDocument.Root, ourDocument.Root));
    }

    private static string Text(TwiMLResult result) => Encoding.UTF8.GetString(result.Body.Span);

    private static async Task<(string? ContentType, string Body)> ExecuteAsync(IResult result)
    {
        var context = NewContext();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.ContentType, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    private static DefaultHttpContext NewContext() => new()
    {
        RequestServices = new ServiceCollection().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };
}
