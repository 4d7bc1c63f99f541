using System.Xml.Linq;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Twilio.TwiML;

namespace Ciptex.Voice.Tests.Twilio;

public sealed class TwiMLResultTests
{
    [Fact]
    public async Task A_voice_response_is_written_as_UTF8_XML_with_the_declaration_first()
    {
        var (contentType, body) = await ExecuteAsync(new VoiceResponse().Say("Welcome to Ciptex support.").ToResult());

        Assert.Equal("application/xml; charset=utf-8", contentType);
        Assert.StartsWith("<?xml", body, StringComparison.Ordinal);
        var document = XDocument.Parse(body);
        Assert.Equal("Response", document.Root!.Name.LocalName);
        Assert.Equal("Welcome to Ciptex support.", document.Root.Element("Say")!.Value);
    }

    [Fact]
    public async Task A_messaging_response_becomes_a_reply_message()
    {
        var (_, body) = await ExecuteAsync(new MessagingResponse().Message("Ticket CIP-000123 is open.").ToResult());

        Assert.Equal("Ticket CIP-000123 is open.", XDocument.Parse(body).Root!.Element("Message")!.Value);
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
        Assert.Null(TwiMLResult.Empty.Twiml);
    }

    [Fact]
    public async Task The_body_has_no_byte_order_mark()
    {
        var context = NewContext();
        await new VoiceResponse().Hangup().ToResult().ExecuteAsync(context);

        var bytes = ((MemoryStream)context.Response.Body).ToArray();
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Equal(bytes.Length, context.Response.ContentLength);
    }

    [Fact]
    public void Handler_tests_can_see_the_document_a_result_carries()
    {
        var twiml = new VoiceResponse().Hangup();

        Assert.Same(twiml, twiml.ToResult().Twiml);
    }

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
