using Ciptex.Voice.Data;
using Quartz;

namespace Ciptex.Voice.Scheduling;

internal static class SchedulingExtensions
{
    /// <summary>
    /// How long a node may miss its check-in before another takes over its triggers. Generous enough to outlast a
    /// garbage collection or a database fail-over; a dead node's poll or check waits at most this plus the interval.
    /// </summary>
    public static readonly TimeSpan ClusterCheckinInterval = TimeSpan.FromSeconds(7.5);
    public static readonly TimeSpan ClusterCheckinMisfireThreshold = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The Quartz scheduler that polls status pages and checks escalations. Features add their jobs with
    /// <c>services.AddQuartz(q => …)</c>; the calls are additive. On SQLite (one instance) the schedule lives in
    /// memory; on PostgreSQL it lives in the database beside the service's own tables, clustered, so every instance
    /// shares one schedule and a job marked <see cref="DisallowConcurrentExecutionAttribute"/> runs on one of them at a time.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder)
    {
        var database = DatabaseOptions.Read(builder.Configuration);
        builder.Services.AddQuartz(quartz =>
        {
            if (database.Provider != DatabaseProvider.Postgres)
                return;
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(database.ConnectionString);
                store.UseSystemTextJsonSerializer();
                // The service creates the qrtz_ tables itself, like its own migrations; several instances starting
                // at once is safe (the loser of the race finds the tables made).
                store.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
                store.UseClustering(c =>
                {
                    c.CheckinInterval = ClusterCheckinInterval;
                    c.CheckinMisfireThreshold = ClusterCheckinMisfireThreshold;
                });
            });
        });
        builder.Services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            // Start with the host rather than after it, so readiness is true as soon as the host has started.
            o.AwaitApplicationStarted = false;
        });
        return builder;
    }

    /// <summary>
    /// Every <paramref name="interval"/> after the previous run finished, forever: a fixed delay, not a fixed rate, so
    /// a slow poll or a stalled instance never leaves a backlog of firings to catch up on. A firing missed while no
    /// instance could run it runs once as soon as one can, and the schedule carries on from there — one catch-up poll
    /// or check, never a burst. The trigger is held while it runs, on every node, so it never overlaps itself.
    /// </summary>
    public static SimpleScheduleBuilder Every(TimeSpan interval) =>
        SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever().MeasureIntervalFromCompletion(true)
            .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount);
}
