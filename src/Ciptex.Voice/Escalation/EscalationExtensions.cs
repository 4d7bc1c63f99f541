using Microsoft.Extensions.Options;
using Quartz;

namespace Ciptex.Voice.Escalation;

internal static class EscalationExtensions
{
    public static WebApplicationBuilder AddEscalation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        builder.Services.AddScoped<OnCallPager>();
        builder.Services.AddScoped<EscalationMatrix>();
        builder.Services.AddScoped<EscalationService>();
        builder.Services.AddScoped<Acknowledgements>();
        // Replaces the SMS feature's default, which acknowledges nothing.
        builder.Services.AddScoped<Sms.IPageAcknowledger, SmsAcknowledger>();
        builder.Services.AddSingleton<EscalationTexts>();
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<EscalationCheckJob>(job => job.WithIdentity(EscalationCheckJob.Key));
            quartz.AddTrigger((services, trigger) =>
            {
                var interval = services.GetRequiredService<IOptions<EscalationOptions>>().Value.CheckInterval;
                interval = interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval;
                trigger.ForJob(EscalationCheckJob.Key).WithIdentity("escalation-check-every")
                    .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSimpleSchedule(Scheduling.SchedulingExtensions.Every(interval));
            });
        });
        return builder;
    }
}
