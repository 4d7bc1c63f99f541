using System.Net;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>
/// Readiness covers the scheduler as well as the database (Foundation/HealthTests has the database): an instance
/// whose jobs have stopped polling pages and checking escalations must be taken out of rotation.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_fails_while_the_scheduler_is_on_standby_and_recovers_when_it_runs_again()
    {
        await using var app = new VoiceApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Standby();
        var whileStandingBy = await client.GetAsync("/health/ready");
        var liveMeanwhile = await client.GetAsync("/health/live");
        await scheduler.Start();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileStandingBy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveMeanwhile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Readiness_fails_once_the_scheduler_has_shut_down()
    {
        await using var app = new VoiceApp();
        var client = app.CreateClient();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Shutdown(waitForJobsToComplete: true);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
