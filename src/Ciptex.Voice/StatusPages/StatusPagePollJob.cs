using Microsoft.Extensions.Options;
using Quartz;

namespace Ciptex.Voice.StatusPages;

/// <summary>
/// One job per configured page, fired every <c>StatusPages:PollInterval</c>. Thin on purpose: the poller holds the
/// logic. Never concurrent with itself, so a slow page cannot have two polls racing on its tracking rows.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StatusPagePollJob(StatusPagePoller poller, IOptionsMonitor<StatusPagesOptions> options, ILogger<StatusPagePollJob> logger) : IJob
{
    public const string PageKeyData = "pageKey";

    public static JobKey KeyFor(string pageKey) => new($"poll-{pageKey}", "status-pages");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var pageKey = context.MergedJobDataMap.GetString(PageKeyData)
            ?? throw new JobExecutionException($"The job data has no '{PageKeyData}'.");
        if (options.CurrentValue.Find(pageKey) is null)
        {
            // On PostgreSQL the schedule outlives the configuration: a page removed from it keeps its job in the
            // shared store, and during a rolling deploy an older instance may fire a page only newer ones know. Either
            // way this instance has nothing to poll; the job is left for the instances that do know the page.
            logger.LogInformation("Status page {Page} is not configured on this instance; poll skipped", pageKey);
            return;
        }
        await poller.PollAsync(pageKey, cancellationToken);
    }
}
