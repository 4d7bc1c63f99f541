using Ciptex.Voice.Ivr;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Ivr;

/// <summary>A service with the demo customers, on a Thursday morning in support hours unless a test says otherwise.</summary>
public abstract class IvrTestBase : IAsyncLifetime
{
    public const string AcmeMobile = "+447700900123";        // Acme Retail, Production Support
    public const string AcmeLandline = "+442079460001";      // Acme Retail front desk
    public const string BrightsideMobile = "+447700900456";  // Brightside Health, Extended Support
    public const string StrangerMobile = "+447700900555";

    protected IvrTestBase(DateTimeOffset? now = null)
    {
        App = new VoiceApp(now: now ?? new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        App.Settings["Demo:Seed"] = "true";
    }

    protected VoiceApp App { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();

    protected PhoneCall Call(string? from, string callSid = "") => new(App.Twilio(), from, callSid);

    protected Task<List<Ticket>> TicketsAsync() =>
        App.QueryAsync(db => db.Set<Ticket>().Include(t => t.Customer).Include(t => t.Escalations).OrderBy(t => t.Id).ToListAsync());

    protected Task<List<OutboundMessage>> TextsAsync() => App.QueryAsync(db => db.Set<OutboundMessage>().OrderBy(m => m.Id).ToListAsync());

    /// <summary>The call's session as stored, once the sessions of calls just answered are (<see cref="CallStarts"/>).</summary>
    protected async Task<CallSession?> SessionAsync(string callSid)
    {
        await App.Services.GetRequiredService<CallStarts>().AllStoredAsync();
        return await App.QueryAsync(db => db.Set<CallSession>().FindAsync(callSid).AsTask());
    }

    /// <summary>Dials, answers the menus and leaves a recording.</summary>
    protected async Task<PhoneCall> RaiseAsync(string? from, params string[] keys)
    {
        var call = Call(from);
        await call.DialAsync();
        foreach (var key in keys)
            await call.PressAsync(key);
        await call.RecordAsync();
        return call;
    }
}
