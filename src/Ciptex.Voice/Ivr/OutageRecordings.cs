using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Rest.Api.V2010.Account;

namespace Ciptex.Voice.Ivr;

/// <param name="Recordings">Finished recordings Twilio listed in the look-back window.</param>
/// <param name="Opened">Recordings this run found without a ticket and opened one for (a run racing it may have won some).</param>
/// <param name="Attached">Existing tickets that were missing their recording and got it.</param>
public sealed record RecoveryPass(int Recordings, int Opened, int Attached);

/// <summary>
/// After an outage: the messages callers left through <c>twiml/fallback.xml</c> are recordings in Twilio that no
/// ticket knows. Each becomes a ticket, once — the unique CallSid of tickets decides, so a second run or two runs
/// racing open nothing more. The caller is unverified (only the number they called from is known) and the
/// category is P3 unless the call got far enough through the IVR to choose one.
/// </summary>
public sealed partial class OutageRecordings(
    ITwilioRestClient twilio, IOptionsMonitor<TwilioOptions> twilioOptions, IOptionsMonitor<OutageRecordingsOptions> options,
    TicketService tickets, VoiceDbContext db, TimeProvider time, ILogger<OutageRecordings> logger)
{
    public const string Summary = "Message left on the fallback line during an outage; the caller was not verified.";

    public async Task<RecoveryPass> RecoverAsync(CancellationToken ct)
    {
        var credentials = twilioOptions.CurrentValue;
        if (string.IsNullOrEmpty(credentials.AccountSid) || string.IsNullOrEmpty(credentials.AuthToken))
            return new RecoveryPass(0, 0, 0);

        var now = time.GetUtcNow();
        var settings = options.CurrentValue;
        var listed = await RecordingResource.ReadAsync(
            new ReadRecordingOptions { DateCreatedAfter = (now - settings.LookBack).UtcDateTime, PageSize = 100, Limit = settings.MaxPerRun },
            twilio);
        // A recording younger than the grace period may belong to a call whose record action is still on its way.
        var settled = (now - settings.MinimumAge).UtcDateTime;
        var recordings = listed
            .Where(r => r.Status == RecordingResource.StatusEnum.Completed && r.CallSid is { Length: > 0 } && r.DateCreated <= settled)
            .GroupBy(r => r.CallSid).Select(call => call.OrderBy(r => r.DateCreated).First())
            .ToList();

        var callSids = recordings.Select(r => r.CallSid).ToList();
        var known = await db.Set<Ticket>().Where(t => t.CallSid != null && callSids.Contains(t.CallSid)).ToDictionaryAsync(t => t.CallSid!, ct);
        int opened = 0, attached = 0;
        foreach (var recording in recordings)
        {
            ct.ThrowIfCancellationRequested();
            if (known.TryGetValue(recording.CallSid, out var ticket))
            {
                if (ticket.RecordingSid is not null)
                    continue;
                Attach(ticket, recording);
                await db.SaveChangesAsync(ct);
                attached++;
                continue;
            }
            ticket = await OpenAsync(recording, ct);
            opened++;
            LogOpened(ticket.Reference, recording.Sid, ticket.CallerNumber is { } caller ? PhoneNumberFormat.Mask(caller) : "withheld");
        }
        return new RecoveryPass(recordings.Count, opened, attached);
    }

    private async Task<Ticket> OpenAsync(RecordingResource recording, CancellationToken ct)
    {
        // The IVR may have heard who was calling and what was wrong before the outage cut in.
        var session = await db.Set<CallSession>().FindAsync([recording.CallSid], ct);
        var caller = session?.From ?? await CallerAsync(recording.CallSid);
        var customer = session?.CustomerId is { } id ? await db.Set<Customer>().FindAsync([id], ct) : null;
        var openedAt = recording.DateCreated is { } created ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc)) : time.GetUtcNow();
        // The recording goes in with the ticket: a crash in between cannot leave a ticket without its message.
        return await tickets.OpenAsync(new NewTicket(session?.Category ?? FaultCategory.P3, TicketChannel.Phone, customer, caller,
            recording.CallSid, Summary, OpenedAt: openedAt, Recording: new TicketRecording(recording.Sid, RecordingUrl(recording), Duration(recording))), ct);
    }

    /// <summary>The number the call came from, if Twilio still has the call and it was not withheld.</summary>
    private async Task<string?> CallerAsync(string callSid)
    {
        try
        {
            var call = await CallResource.FetchAsync(callSid, client: twilio);
            return PhoneNumberFormat.TryNormalise(call.From, out var e164) ? e164 : null;
        }
        catch (Exception ex) when (ex is global::Twilio.Exceptions.ApiException or global::Twilio.Exceptions.ApiConnectionException)
        {
            LogCallerUnknown(callSid, ex.Message);
            return null;
        }
    }

    private static void Attach(Ticket ticket, RecordingResource recording)
    {
        ticket.RecordingSid ??= recording.Sid;
        ticket.RecordingUrl ??= RecordingUrl(recording);
        ticket.RecordingDurationSeconds ??= Duration(recording);
    }

    private static int? Duration(RecordingResource recording) =>
        int.TryParse(recording.Duration, out var seconds) && seconds >= 0 ? seconds : null;

    /// <summary>The same form as the record action's <c>RecordingUrl</c>: no extension, under api.twilio.com.</summary>
    public static string RecordingUrl(RecordingResource recording) =>
        $"https://api.twilio.com/2010-04-01/Accounts/{recording.AccountSid}/Recordings/{recording.Sid}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Reference} opened from outage recording {RecordingSid} (caller {Caller})")]
    private partial void LogOpened(string reference, string recordingSid, string caller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch call {CallSid} for its caller: {Reason}")]
    private partial void LogCallerUnknown(string callSid, string reason);
}
