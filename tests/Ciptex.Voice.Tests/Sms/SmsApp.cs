using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Sms;

/// <summary>What the SMS tests do to a <see cref="VoiceApp"/>: point it at the fake Twilio, queue texts, dispatch, look.</summary>
internal static class SmsApp
{
    public const string SupportNumber = "+443458800808";

    /// <summary>Sends for real (no DryRun) to <paramref name="twilio"/>.</summary>
    public static VoiceApp SendingTo(this VoiceApp app, TwilioFake twilio, int perSecond = 1000)
    {
        app.Settings["Twilio:DryRun"] = "false";
        app.Settings["Twilio:ApiBaseUrl"] = twilio.Url;
        app.Settings["Twilio:MaxMessagesPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        twilio.Clock = app.Time;
        return app;
    }

    /// <summary>A phone in Ofcom's drama range, one per test text.</summary>
    public static string Phone(int n) => $"+447700900{n:D3}";

    public static OutgoingSms Text(int n, int priority = MessagePriority.Customer) =>
        new($"test:{n}", Phone(n), $"Test message {n}", "test", priority);

    /// <summary>Queues and commits texts the way every feature does: outbox, then the caller's SaveChanges.</summary>
    public static async Task EnqueueAsync(this VoiceApp app, params OutgoingSms[] texts)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        await scope.ServiceProvider.GetRequiredService<SmsOutbox>().EnqueueManyAsync(texts);
        await db.SaveChangesAsync();
    }

    public static Task<DispatchPass> DispatchAsync(this VoiceApp app) =>
        app.Services.GetRequiredService<OutboundSmsDispatcher>().DispatchDueAsync(CancellationToken.None);

    public static async Task<List<OutboundMessage>> MessagesAsync(this VoiceApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VoiceDbContext>().Set<OutboundMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<OutboundMessage> MessageAsync(this VoiceApp app, string idempotencyKey) =>
        (await app.MessagesAsync()).Single(m => m.IdempotencyKey == idempotencyKey);

    public static async Task<T> InScopeAsync<T>(this VoiceApp app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
