using Quartz;

namespace Ciptex.Voice.StatusPages;

/// <summary>
/// One job per configured page, fired every <c>StatusPages:PollInterval</c>. Thin on purpose: the poller holds the
/// logic. Never concurrent with itself, so a slow page cannot have two polls racing on its tracking rows.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StatusPagePollJob(StatusPagePoller poller) : IJob
{
    public const string PageKeyData = "pageKey";

    public static JobKey KeyFor(string pageKey) => new($"poll-{pageKey}", "status-pages");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var pageKey = context.MergedJobDataMap.GetString(PageKeyData)
            ?? throw new JobExecutionException($"The job data has no '{PageKeyData}'.");
        await poller.PollAsync(pageKey, cancellationToken);
    }
}
