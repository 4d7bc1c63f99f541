using Ciptex.Voice.Twilio;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ciptex.Voice.Ivr;

internal static class IvrExtensions
{
    public static WebApplicationBuilder AddIvr(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IvrScript>();
        builder.Services.AddScoped<CallFlow>();
        builder.Services.AddSingleton<KnownCallersRead>();
        builder.Services.AddSingleton<CallStarts>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<CallStarts>());
        builder.Services.TryAddSingleton<IOpenIncidents, NoOpenIncidents>();
        builder.Services.AddTwilioRestClient();
        // Messages callers left on the fallback line while we were down become tickets.
        OutageRecordingsJob.Register(builder.Services);
        return builder;
    }
}
