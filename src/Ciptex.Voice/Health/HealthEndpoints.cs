using Ciptex.Voice.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Ciptex.Voice.Health;

internal static class HealthEndpoints
{
    public static WebApplicationBuilder AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"])
            .AddCheck<SchedulerReadyCheck>("scheduler", tags: ["ready"]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    private sealed class DatabaseReadyCheck(VoiceDbContext db, DatabaseMigrationState migrations) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            if (!migrations.Applied)
                return HealthCheckResult.Unhealthy("Migrations not applied yet.");
            try
            {
                return await db.Database.CanConnectAsync(cancellationToken)
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy("Database unreachable.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("Database unreachable.", ex);
            }
        }
    }

    private sealed class SchedulerReadyCheck(ISchedulerFactory schedulers) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return scheduler.Status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("Scheduler not running.");
        }
    }
}
