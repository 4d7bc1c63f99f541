using System.Net.Http.Json;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Escalation;

public abstract class EscalationTestBase : IAsyncLifetime
{
    protected EscalationTestBase(DateTimeOffset now, string? databasePath = null)
    {
        App = new VoiceApp(databasePath, now);
        App.Settings["Demo:Seed"] = "true";
    }

    protected VoiceApp App { get; private set; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A portal ticket opened at the fake clock's time (or the given one), for a demo customer.</summary>
    protected async Task<string> OpenAsync(string category, string accountNumber = "100001", DateTimeOffset? openedAt = null)
    {
        if (openedAt > App.Time.GetUtcNow())
            App.Time.SetUtcNow(openedAt.Value);
        var response = await App.CreateApiClient().PostAsJsonAsync("/api/tickets", new
        {
            accountNumber, category, summary = "Inbound calls fail with a fast busy tone", callerNumber = "+447700900123",
            openedAt = openedAt?.ToString("O"),
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketDto>())!.Reference;
    }

    /// <summary>One explicit run of the escalation check, as the job would run it.</summary>
    protected async Task CheckAtAsync(DateTimeOffset now)
    {
        App.Time.SetUtcNow(now);
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EscalationService>().CheckAsync(CancellationToken.None);
    }

    /// <summary>The escalation texts queued so far: (level's phone, ticket) in order.</summary>
    protected Task<List<OutboundMessage>> PagesAsync() =>
        App.QueryAsync(db => db.Set<OutboundMessage>().Where(m => m.Purpose == "escalation").OrderBy(m => m.Id).ToListAsync());

    protected async Task<List<string>> PagedPhonesAsync() => (await PagesAsync()).Select(m => m.To).ToList();

    protected async Task RestartAsync()
    {
        App.KeepDatabase = true;
        var path = App.DatabasePath;
        var now = App.Time.GetUtcNow();
        await App.DisposeAsync();
        App = new VoiceApp(path, now);
    }

    protected static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
