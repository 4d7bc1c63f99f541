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
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        return builder;
    }

    /// <summary>The <c>/api</c> group: every route under it needs the admin key.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();

    private sealed class ApiKeyFilter(IOptionsMonitor<AdminOptions> options) : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var expected = options.CurrentValue.ApiKey;
            if (expected.Length > 0 && !Matches(context.HttpContext.Request.Headers[ApiKeyHeader].ToString(), expected))
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid X-Api-Key header is required.");
            return await next(context);
        }
    }

    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
