using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ciptex.Voice.Ivr;

internal static class IvrExtensions
{
    public static WebApplicationBuilder AddIvr(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IvrScript>();
        builder.Services.AddScoped<CallFlow>();
        builder.Services.TryAddScoped<IOpenIncidents, NoOpenIncidents>();
        return builder;
    }
}
