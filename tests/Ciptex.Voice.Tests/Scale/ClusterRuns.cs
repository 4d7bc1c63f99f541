using System.Collections.Concurrent;
using System.Threading.Channels;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;

namespace Ciptex.Voice.Tests.Scale;

/// <summary>One run of a job, on whichever instance ran it, with real start and end times to show runs never overlap.</summary>
public sealed record JobRun(string Host, JobKey Job, DateTimeOffset? ScheduledFor, DateTime StartedAt, DateTime FinishedAt, Exception? Failure = null);

/// <summary>
/// Listens to the schedulers of several hosts at once: which host ran each firing, and a way to wait for the next run
/// of a job on any of them (instead of sleeping).
/// </summary>
public sealed class ClusterRuns : IJobListener
{
    private readonly ConcurrentDictionary<string, DateTime> _started = new();
    private readonly ConcurrentQueue<JobRun> _runs = new();
    private readonly Channel<JobRun> _finished = Channel.CreateUnbounded<JobRun>();

    public string Name => "scale-test-cluster-runs";

    public IReadOnlyList<JobRun> Runs => _runs.ToList();

    /// <summary>Listens to <paramref name="app"/>'s scheduler, naming its runs <paramref name="host"/>.</summary>
    public VoiceApp Listen(VoiceApp app, string host)
    {
        app.TestServices.Add(services => services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceId = host);
            q.AddJobListener(this);
        }));
        return app;
    }

    /// <summary>Waits for the next finished run of <paramref name="job"/> on any host; fails after a bounded real time.</summary>
    public async Task<JobRun> NextAsync(JobKey job, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (true)
        {
            var run = await _finished.Reader.ReadAsync(timeout.Token);
            if (run.Job.Equals(job))
                return run;
        }
    }

    /// <summary>Moves the shared fake clock a step at a time until <paramref name="job"/> has run once, on any host.</summary>
    public async Task<JobRun> AdvanceUntilRunAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, JobKey job, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            time.Advance(step);
            try
            {
                return await NextAsync(job, TimeSpan.FromMilliseconds(500));
            }
            catch (OperationCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        _started[context.FireInstanceId] = DateTime.UtcNow;
        return ValueTask.CompletedTask;
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        var started = _started.TryRemove(context.FireInstanceId, out var at) ? at : DateTime.UtcNow;
        var run = new JobRun(context.Scheduler.SchedulerInstanceId, context.JobDetail.Key, context.ScheduledFireTimeUtc, started, DateTime.UtcNow, jobException);
        _runs.Enqueue(run);
        _finished.Writer.TryWrite(run);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
