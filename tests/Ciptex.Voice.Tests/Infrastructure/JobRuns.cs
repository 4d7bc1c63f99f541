using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>Tells a test when the real scheduler has run a job, so it can wait for the run instead of sleeping.</summary>
public sealed class JobRuns : IJobListener
{
    private readonly Channel<JobKey> _finished = Channel.CreateUnbounded<JobKey>();

    public string Name => "test-job-runs";

    public static JobRuns AddTo(VoiceApp app)
    {
        var runs = new JobRuns();
        app.TestServices.Add(services => services.AddQuartz(q => q.AddJobListener(runs)));
        return runs;
    }

    /// <summary>Waits for the next finished run of the job; fails after a bounded real time.</summary>
    public async Task NextAsync(JobKey job, TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(30));
        while (await _finished.Reader.ReadAsync(timeout.Token) != job)
        {
        }
    }

    /// <summary>Moves the fake clock a second at a time until the job has run once.</summary>
    public async Task AdvanceUntilRunAsync(VoiceApp app, JobKey job, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            app.Time.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await NextAsync(job, TimeSpan.FromMilliseconds(250));
                return;
            }
            catch (OperationCanceledException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        _finished.Writer.TryWrite(context.JobDetail.Key);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
