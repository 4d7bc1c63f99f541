using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// Refuses, with 413 and before anything reads or acts on it, a request to a Twilio webhook whose body is larger
/// than any Twilio sends (form posts of a few kilobytes; a transcription at most a few more). Kestrel enforces the
/// same limit itself through the endpoint metadata; this filter also covers bodies sent without Content-Length on
/// servers that do not (the test server).
/// </summary>
public sealed class TwilioBodyLimit : IEndpointFilter, IRequestSizeLimitMetadata
{
    /// <summary>64 KiB: Twilio's own limit on a TwiML answer, and ten times its largest webhook form.</summary>
    public const int MaxBytes = 64 * 1024;

    public long? MaxRequestBodySize => MaxBytes;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.ContentLength > MaxBytes || (request.ContentLength is null && !await FitsAsync(request)))
            return TooLarge(context.HttpContext);
        return await next(context);
    }

    // A body of unknown length is read up to one byte past the limit, kept in memory and rewound for the handler.
    private static async Task<bool> FitsAsync(HttpRequest request)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBytes;
        var buffer = new MemoryStream();
        try
        {
            var chunk = new byte[8 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                    return false;
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
        buffer.Position = 0;
        request.Body = buffer;
        request.HttpContext.Response.RegisterForDispose(buffer);
        return true;
    }

    private static IResult TooLarge(HttpContext context)
    {
        // Like the signature filter's 403: a status and no body, not a problem page.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            statusCodePages.Enabled = false;
        context.Response.Headers.Connection = "close";
        return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
    }
}
