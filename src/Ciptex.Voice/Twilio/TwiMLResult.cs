using System.Text;
using System.Xml;
using System.Xml.Linq;
using TwiMLDocument = Twilio.TwiML.TwiML;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// A TwiML document as an HTTP response: <c>application/xml; charset=utf-8</c>, the XML declaration first
/// (whitespace before <c>&lt;?xml</c> makes Twilio fail the call with error 12100).
/// </summary>
public sealed class TwiMLResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string XmlContentType = "application/xml; charset=utf-8";

    private static readonly byte[] EmptyDocument = """<?xml version="1.0" encoding="utf-8"?><Response />"""u8.ToArray();

    // UTF-8 without a byte-order mark: Twilio wants "<?xml" as the very first bytes.
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    private static readonly XmlWriterSettings Indented = new() { Encoding = Utf8, Indent = true };
    private static readonly XmlWriterSettings Unindented = new() { Encoding = Utf8 };

    private readonly SaveOptions _formatting;

    public TwiMLResult(TwiMLDocument twiml, SaveOptions formatting = SaveOptions.None)
    {
        ArgumentNullException.ThrowIfNull(twiml);
        Twiml = twiml;
        _formatting = formatting;
    }

    private TwiMLResult() => _formatting = SaveOptions.None;

    /// <summary>An empty <c>&lt;Response /&gt;</c>: "nothing to do", the answer to status callbacks.</summary>
    public static TwiMLResult Empty { get; } = new();

    /// <summary>The document, for tests of handlers; null for <see cref="Empty"/>.</summary>
    public TwiMLDocument? Twiml { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => XmlContentType;

    /// <summary>
    /// The document as the response carries it: written as UTF-8 straight from the Twilio library's
    /// <see cref="XDocument"/>, as its own <c>ToString</c> would write it (indented unless told otherwise), without the
    /// detour through a string.
    /// </summary>
    public ReadOnlyMemory<byte> ToUtf8()
    {
        if (Twiml is null)
            return EmptyDocument;
        var buffer = new MemoryStream(1024);
        using (var writer = XmlWriter.Create(buffer, _formatting.HasFlag(SaveOptions.DisableFormatting) ? Unindented : Indented))
            Twiml.ToXDocument().Save(writer);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var body = ToUtf8();
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = XmlContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}

public static class TwiMLResultExtensions
{
    /// <summary><c>return new VoiceResponse().Say("Hello").ToResult();</c></summary>
    public static TwiMLResult ToResult(this TwiMLDocument twiml, SaveOptions formatting = SaveOptions.None) =>
        new(twiml, formatting);
}
