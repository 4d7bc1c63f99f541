using System.Text;
using Ciptex.Voice.Twilio;

namespace Ciptex.Voice.Ivr;

/// <summary>
/// A failure on our side (the database locked or gone, a bug) must never reach a caller as Twilio's "application
/// error". A step of the call answers with the fallback document instead — apologise, take a message, goodbye —
/// whose recording the recovery job turns into a ticket; a callback answers with an empty response.
/// </summary>
internal sealed partial class IvrSafetyNet(ILogger<IvrSafetyNet> logger) : IEndpointFilter
{
    private static readonly string[] Callbacks = ["/recording-status", "/transcription", "/status"];
    private static readonly Lazy<string> Fallback = new(ReadFallback);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (!context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            var path = context.HttpContext.Request.Path.Value ?? "";
            LogFailed(ex, path);
            return Callbacks.Any(path.EndsWith) ? TwiMLResult.Empty : Results.Text(Fallback.Value, TwiMLResult.XmlContentType, Encoding.UTF8);
        }
    }

    private static string ReadFallback()
    {
        using var stream = typeof(IvrSafetyNet).Assembly.GetManifestResourceStream("Ciptex.Voice.twiml.fallback.xml")
            ?? throw new InvalidOperationException("twiml/fallback.xml is not embedded.");
        return new StreamReader(stream).ReadToEnd().TrimStart();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "IVR step {Path} failed; the caller was given the fallback message")]
    private partial void LogFailed(Exception exception, string path);
}
