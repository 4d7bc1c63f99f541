using Quartz;

namespace Ciptex.Voice.Escalation;

/// <summary>Runs <see cref="EscalationService.CheckAsync"/> every <c>Escalation:CheckInterval</c>, one run at a time.</summary>
[DisallowConcurrentExecution]
public sealed class EscalationCheckJob(EscalationService escalations) : IJob
{
    public static readonly JobKey Key = new("escalation-check");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await escalations.CheckAsync(cancellationToken);
}
