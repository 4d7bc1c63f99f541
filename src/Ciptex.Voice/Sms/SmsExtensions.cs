using Ciptex.Voice.Twilio;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ciptex.Voice.Sms;

internal static class SmsExtensions
{
    public static WebApplicationBuilder AddSms(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<SmsOutbox>();
        services.AddScoped<SmsConsent>();

        // Sending: the outbox rows are the queue; one dispatcher per process drains it.
        services.AddTwilioRestClient();
        services.AddScoped<TwilioSmsSender>();
        services.AddScoped<OutboxLeases>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor, OutboxWakeInterceptor>();
        services.AddSingleton<OutboundSmsDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboundSmsDispatcher>());
        return builder;
    }
}
