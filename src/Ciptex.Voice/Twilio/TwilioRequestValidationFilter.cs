using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// Refuses, with 403 and an empty body, every request to a Twilio webhook that Twilio did not sign
/// (CONTRACT §3). There is deliberately no bypass for local requests: tests and the simulator sign theirs.
/// </summary>
public sealed partial class TwilioRequestValidationFilter(
    IOptionsMonitor<TwilioOptions> options, WebhookSigningKeys keys, ILogger<TwilioRequestValidationFilter> logger) : IEndpointFilter
{
    // Twilio's webhook bodies are a few kilobytes; anything this large is not from Twilio.
    private const int MaxBodyBytes = 1024 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var current = options.CurrentValue;
        if (!current.ValidateRequests)
            return await next(context);

        var request = context.HttpContext.Request;
        var failure = await CheckAsync(request, current, keys.Accepted);
        if (failure is null)
            return await next(context);

        LogRefused(failure, request.Method, ForLog(PublicUrl(request, current)), context.HttpContext.Connection.RemoteIpAddress?.ToString());
        // The contract promises an empty body: keep status-code pages from writing one.
        if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            statusCodePages.Enabled = false;
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// The URL Twilio called: <c>Twilio:PublicBaseUrl</c> + path base + path + query when configured, else the
    /// request's own URL as the forwarded-headers middleware left it (host and any non-default port as sent).
    /// </summary>
    internal static string PublicUrl(HttpRequest request, TwilioOptions options)
    {
        var pathAndQuery = request.PathBase.ToUriComponent() + request.Path.ToUriComponent() + request.QueryString.ToUriComponent();
        return options.PublicBaseUrl.Length > 0
            ? options.PublicBaseUrl.TrimEnd('/') + pathAndQuery
            : request.Scheme + "://" + request.Host.ToUriComponent() + pathAndQuery;
    }

    private static async Task<string?> CheckAsync(HttpRequest request, TwilioOptions options, IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
            return "no Twilio:AuthToken is configured";
        if (request.Headers[TwilioSignature.Header] is not [{ Length: > 0 } signature])
            return "the X-Twilio-Signature header is missing or repeated";
        var settings = request.Headers[TwilioSignature.SettingsHeader].ToString();
        if (TwilioSignature.AlgorithmFrom(settings) is null)
            return "the signature algorithm is not supported";

        var url = PublicUrl(request, options);
        Func<string, bool> isSignedWith;
        if (IsUrlEncodedForm(request))
        {
            IFormCollection form;
            try
            {
                form = await WebhookForm.ReadAsync(request, request.HttpContext.RequestAborted);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                return "the form body could not be read";
            }
            isSignedWith = token => TwilioSignature.IsValid(url, form, signature, token, settings);
        }
        else
        {
            var body = await ReadBodyAsync(request);
            if (body is null)
                return "the body is too large";
            // JSON webhooks carry bodySHA256; a request without it must have no body, since nothing else signs one
            // (multipart included: its files would not be signed). ContentLength catches a body already consumed.
            var hasBodyHash = TwilioUrl.SingleQueryValue(url, TwilioSignature.BodyHashParameter) is not null;
            if (!hasBodyHash && (body.Length > 0 || request.ContentLength > 0))
                return "the body is not covered by the signature (no bodySHA256)";
            isSignedWith = hasBodyHash
                ? token => TwilioSignature.IsValidBody(url, body, signature, token, settings)
                : token => TwilioSignature.IsValid(url, form: null, signature, token, settings);
        }
        return tokens.Any(isSignedWith) ? null : "the signature does not match";
    }

    private static bool IsUrlEncodedForm(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    // Buffered and rewound so the handler can read the raw body after us.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
            return null;
        request.EnableBuffering();
        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (copy.Length + read > MaxBodyBytes)
                return null;
            copy.Write(chunk, 0, read);
        }
        request.Body.Position = 0;
        return copy.ToArray();
    }

    // GET webhooks carry caller numbers in the query, and a PublicBaseUrl may carry Basic-auth credentials.
    private static string ForLog(string url)
    {
        var withoutQuery = url.Split('?', 2)[0];
        var authority = withoutQuery.IndexOf("://", StringComparison.Ordinal) + 3;
        var at = withoutQuery.IndexOf('@', authority);
        var pathStart = withoutQuery.IndexOf('/', authority);
        return at > 0 && (pathStart < 0 || at < pathStart) ? withoutQuery[..authority] + withoutQuery[(at + 1)..] : withoutQuery;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Twilio webhook: {Reason}. {Method} {Url} from {RemoteIp}")]
    private partial void LogRefused(string reason, string method, string url, string? remoteIp);
}
