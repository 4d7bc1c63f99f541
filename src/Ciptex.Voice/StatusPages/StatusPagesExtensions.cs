using Ciptex.Voice.Ivr;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Ciptex.Voice.StatusPages;

internal static class StatusPagesExtensions
{
    // incidents.json holds up to 50 incidents with their components: far below this, but a runaway body stops here.
    private const long MaxBodyBytes = 16 * 1024 * 1024;

    public static WebApplicationBuilder AddStatusPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StatusPagesOptions>().BindConfiguration(StatusPagesOptions.Section)
            .PostConfigure(StatusPagesOptions.ApplyDefaults).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StatusPagesOptions>, StatusPagesOptionsValidator>();

        builder.Services.AddHttpClient<StatusPageClient>((services, http) =>
        {
            http.Timeout = services.GetRequiredService<IOptions<StatusPagesOptions>>().Value.RequestTimeout;
            http.MaxResponseContentBufferSize = MaxBodyBytes;
            http.DefaultRequestHeaders.UserAgent.ParseAdd("Ciptex-Voice/1.0");
        });
        builder.Services.AddScoped<StatusPagePoller>();
        builder.Services.AddScoped<StatusBoard>();
        builder.Services.AddSingleton<OpenIncidentsRead>();
        // Replaces the IVR's "no incidents" default whichever feature is added first.
        builder.Services.Replace(ServiceDescriptor.Singleton<IOpenIncidents, IvrOpenIncidents>());

        // The jobs must be declared before the host is built, so the page list is read from configuration here; a bad
        // list is reported by the validator at start, and until then only well-formed, distinct keys get a job.
        var pages = StatusPagesOptions.Read(builder.Configuration).Pages
            .Where(p => !string.IsNullOrWhiteSpace(p.Key)).DistinctBy(p => p.Key).ToList();
        builder.Services.AddQuartz(quartz =>
        {
            foreach (var page in pages)
            {
                var jobKey = StatusPagePollJob.KeyFor(page.Key);
                quartz.AddJob<StatusPagePollJob>(job => job.WithIdentity(jobKey).UsingJobData(StatusPagePollJob.PageKeyData, page.Key));
                quartz.AddTrigger((services, trigger) =>
                {
                    var interval = Interval(services);
                    // First poll one interval after start: a process that restarts in a loop does not hammer the pages.
                    trigger.ForJob(jobKey).WithIdentity($"{jobKey.Name}-every", jobKey.Group)
                        .StartAt(services.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                        .WithSimpleSchedule(Scheduling.SchedulingExtensions.Every(interval));
                });
            }
        });
        return builder;
    }

    private static TimeSpan Interval(IServiceProvider services)
    {
        var interval = services.GetRequiredService<IOptions<StatusPagesOptions>>().Value.PollInterval;
        return interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval;
    }
}
