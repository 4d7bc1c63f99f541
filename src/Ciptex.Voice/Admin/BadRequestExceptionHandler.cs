using Microsoft.AspNetCore.Diagnostics;

namespace Ciptex.Voice.Admin;

/// <summary>
/// Malformed JSON, a wrong content type or an unreadable form is the client's mistake: answer with its own 4xx as
/// problem+json instead of letting it reach the generic 500 handler.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
            return false;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request could not be read.", Detail = bad.Message },
            Exception = exception,
        });
    }
}
