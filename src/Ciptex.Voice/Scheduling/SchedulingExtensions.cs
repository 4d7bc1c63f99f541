using Quartz;

namespace Ciptex.Voice.Scheduling;

internal static class SchedulingExtensions
{
    /// <summary>
    /// The Quartz scheduler that polls status pages and checks escalations. Features add their jobs with
    /// <c>services.AddQuartz(q => …)</c>; the calls are additive.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        builder.Services.AddQuartz(_ => { });
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // Start with the host rather than after it, so readiness is true as soon as the host has started.
            o.AwaitApplicationStarted = false;
        });
        return builder;
    }
}
