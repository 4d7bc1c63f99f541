using Ciptex.Voice.Twilio;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        // Twilio:MaxMessagesPerSecond is for the whole deployment: in memory for one instance on SQLite, in the
        // database that every instance shares on PostgreSQL.
        if (Data.DatabaseOptions.Read(builder.Configuration).Provider == Data.DatabaseProvider.Postgres)
            services.AddScoped<ISendRateBudget, SharedSendRateBudget>();
        else
            services.AddSingleton<ISendRateBudget, InProcessSendRateBudget>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWakeInterceptor>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<OutboxWakeInterceptor>());
        services.AddSingleton<OutboundSmsDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboundSmsDispatcher>());

        // Receiving: keywords, consent and the status callbacks of what was sent.
        services.AddScoped<InboundSms>();
        services.AddScoped<SmsStatusCallbacks>();
        // Defaults until the features that own the answers replace them (a later registration wins). STATUS reads
        // the IVR's IOpenIncidents, which the status pages answer.
        services.TryAddScoped<ITicketLookup, NoTickets>();
        services.TryAddScoped<IPageAcknowledger, NoPagesToAcknowledge>();
        return builder;
    }
}
