using System.Text;
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

    private const string EmptyDocument = """<?xml version="1.0" encoding="utf-8"?><Response />""";

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

    public string ToXml() => Twiml is null ? EmptyDocument : Twiml.ToString(_formatting);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = XmlContentType;
        return httpContext.Response.WriteAsync(ToXml(), Encoding.UTF8, httpContext.RequestAborted);
    }
}

public static class TwiMLResultExtensions
{
    /// <summary><c>return new VoiceResponse().Say("Hello").ToResult();</c></summary>
    public static TwiMLResult ToResult(this TwiMLDocument twiml, SaveOptions formatting = SaveOptions.None) =>
        new(twiml, formatting);
}
