using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Admin;

internal static class AdminApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static WebApplicationBuilder AddAdminApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<FailedSignInLimiter>();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        return builder;
    }

    /// <summary>The <c>/api</c> group: every route under it needs the admin key.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api").AddSharedEndpointFilter<RouteGroupBuilder, ApiKeyFilter>();

    private sealed class ApiKeyFilter(IOptionsMonitor<AdminOptions> options, FailedSignInLimiter limiter) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var expected = options.CurrentValue.ApiKey;
            if (expected.Length == 0)
                return await next(context);
            var http = context.HttpContext;
            if (limiter.RetryAfter(http) is { } wait)
                return TooManyFailures(http, wait);
            if (!Matches(http.Request.Headers[ApiKeyHeader].ToString(), expected))
            {
                limiter.RecordFailure(http);
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid X-Api-Key header is required.");
            }
            limiter.RecordSuccess(http);
            return await next(context);
        }
    }

    /// <summary>429 with <c>Retry-After</c>: too many wrong keys from this address.</summary>
    public static ProblemHttpResult TooManyFailures(HttpContext http, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: $"Too many wrong keys from this address; try again in {Math.Max(1, (seconds + 59) / 60)} minute(s).");
    }

    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
