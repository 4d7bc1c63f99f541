namespace Ciptex.Voice.Twilio;

/// <summary>
/// A TwiML document as an HTTP response: <c>application/xml; charset=utf-8</c>, the XML declaration first
/// (whitespace before <c>&lt;?xml</c> makes Twilio fail the call with error 12100). Made by
/// <see cref="VoiceTwiml.ToResult"/> and <see cref="MessagingTwiml.ToResult"/>, or <see cref="Empty"/>.
/// </summary>
public sealed class TwiMLResult : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string XmlContentType = "application/xml; charset=utf-8";

    internal TwiMLResult(ReadOnlyMemory<byte> body) => Body = body;

    /// <summary>An empty <c>&lt;Response /&gt;</c>: "nothing to do", the answer to status callbacks.</summary>
    public static TwiMLResult Empty { get; } = new("""<?xml version="1.0" encoding="utf-8"?><Response />"""u8.ToArray());

    /// <summary>The document as the response carries it: UTF-8 without a byte-order mark, <c>&lt;?xml</c> first.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => XmlContentType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = XmlContentType;
        response.ContentLength = Body.Length;
        return response.Body.WriteAsync(Body, httpContext.RequestAborted).AsTask();
    }
}
