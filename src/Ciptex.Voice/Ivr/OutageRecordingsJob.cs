using Microsoft.Extensions.Options;
using Quartz;

namespace Ciptex.Voice.Ivr;

/// <summary>The <c>OutageRecordings</c> section: how often and how far back Twilio's recordings are checked.</summary>
public sealed class OutageRecordingsOptions
{
    public const string Section = "OutageRecordings";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back each run lists recordings: longer than any outage worth surviving.</summary>
    public TimeSpan LookBack { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Recordings younger than this are left for the record action that may still be on its way.</summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxPerRun { get; set; } = 1000;
}

/// <summary>Runs <see cref="OutageRecordings.RecoverAsync"/> every <c>OutageRecordings:Interval</c>, one run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class OutageRecordingsJob(OutageRecordings recordings) : IJob
{
    public static readonly JobKey Key = new("outage-recordings");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await recordings.RecoverAsync(cancellationToken);

    public static void Register(IServiceCollection services)
    {
        services.AddOptions<OutageRecordingsOptions>().BindConfiguration(OutageRecordingsOptions.Section)
            .Validate(o => o.Interval >= TimeSpan.FromSeconds(1), "OutageRecordings:Interval must be at least 00:00:01.")
            .Validate(o => o.LookBack > TimeSpan.Zero, "OutageRecordings:LookBack must be positive.")
            .Validate(o => o.MinimumAge >= TimeSpan.Zero, "OutageRecordings:MinimumAge may not be negative.")
            .Validate(o => o.MaxPerRun is >= 1 and <= 10_000, "OutageRecordings:MaxPerRun must be between 1 and 10000.")
            .ValidateOnStart();
        services.AddScoped<OutageRecordings>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<OutageRecordingsJob>(job => job.WithIdentity(Key));
            quartz.AddTrigger((provider, trigger) =>
            {
                var interval = provider.GetRequiredService<IOptions<OutageRecordingsOptions>>().Value.Interval;
                trigger.ForJob(Key).WithIdentity("outage-recordings-every")
                    .StartAt(provider.GetRequiredService<TimeProvider>().GetUtcNow() + interval)
                    .WithSimpleSchedule(interval);
            });
        });
    }
}
