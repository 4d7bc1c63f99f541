using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.StatusPages;

/// <summary>The service with its status pages pointed at fakes, and the outbox read as a log.</summary>
public static class StatusPagesHost
{
    /// <summary>Escalation level 1, as every test host configures it.</summary>
    public const string OnCall = VoiceApp.OnCallPhone;

    public static VoiceApp Create(IEnumerable<(string Key, string Name, FakeStatusPage Page)> pages, string? databasePath = null,
        DateTimeOffset? now = null, int failureAlertAfter = 5, string requestTimeout = "00:00:05")
    {
        var app = new VoiceApp(databasePath, now);
        var i = 0;
        foreach (var (key, name, page) in pages)
        {
            app.Settings[$"StatusPages:Pages:{i}:Key"] = key;
            app.Settings[$"StatusPages:Pages:{i}:Name"] = name;
            app.Settings[$"StatusPages:Pages:{i}:BaseUrl"] = page.Url;
            i++;
        }
        app.Settings["StatusPages:FailureAlertAfter"] = failureAlertAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["StatusPages:RequestTimeout"] = requestTimeout;
        return app;
    }

    public static async Task<PollResult> PollAsync(this VoiceApp app, string pageKey)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StatusPagePoller>().PollAsync(pageKey);
    }

    public static async Task SubscribeAsync(this VoiceApp app, string phone, params string[] pageKeys)
    {
        await app.WithDbAsync(async db =>
        {
            foreach (var key in pageKeys)
                db.Add(new Subscription { Phone = phone, PageKey = key, Source = "api", SubscribedAt = app.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        });
    }

    public static Task WithDbAsync(this VoiceApp app, Func<VoiceDbContext, Task> action) =>
        app.QueryAsync(async db => { await action(db); return 0; });

    /// <summary>Every tracked incident and update with its status, and the validators: what a failed poll must not change.</summary>
    public static Task<string> TrackingAsync(this VoiceApp app) => app.QueryAsync(async db =>
    {
        var rows = await db.Set<TrackedIncident>().AsNoTracking().Include(i => i.Updates).OrderBy(i => i.Id).ToListAsync();
        var states = await db.Set<StatusPageState>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
        return string.Join('|', rows.Select(i => $"{i.IncidentId}:{i.Status}:{string.Join(',', i.Updates.Select(u => u.UpdateId).Order(StringComparer.Ordinal))}"))
            + string.Concat(states.Select(s => $"|{s.IncidentsETag}|{s.MaintenancesETag}"));
    });

    /// <summary>How the texts to on-call write an instant.</summary>
    public static string Utc(DateTimeOffset instant) => instant.ToString("d MMM HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<OpenStatusIncident>> OpenIncidentsAsync(this VoiceApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StatusBoard>().GetOpenIncidentsAsync();
    }
}

/// <summary>Reads the outbox as "what was texted since I last looked", in the order the texts were enqueued.</summary>
public sealed class OutboxLog
{
    private long _seen;

    public async Task<List<(string To, string Body)>> NewAsync(VoiceApp app)
    {
        var rows = await app.QueryAsync(db => db.Set<OutboundMessage>().AsNoTracking().Where(m => m.Id > _seen).OrderBy(m => m.Id).ToListAsync());
        if (rows.Count > 0)
            _seen = rows[^1].Id;
        return rows.Select(m => (m.To, m.Body)).ToList();
    }
}
