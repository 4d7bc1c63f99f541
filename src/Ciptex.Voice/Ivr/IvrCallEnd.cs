using Ciptex.Voice.Data;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Ivr;

/// <summary>The end of the call: the ticket (CONTRACT §4 steps 5–6), updates by text, and Twilio's callbacks.</summary>
internal static class IvrCallEnd
{
    private static readonly string[] EndedStatuses = ["completed", "busy", "failed", "no-answer", "canceled"];

    public static RouteGroupBuilder MapIvrCallEnd(this RouteGroupBuilder voice)
    {
        voice.MapPost("/recorded", RecordedAsync);
        voice.MapPost("/updates", UpdatesAsync);
        voice.MapPost("/recording-status", RecordingStatusAsync);
        voice.MapPost("/transcription", TranscriptionAsync);
        voice.MapPost("/status", CallStatusAsync);
        return voice;
    }

    private static async Task<TwiMLResult> RecordedAsync(HttpRequest request, CallFlow flow, IvrScript script, TicketService tickets,
        TicketTexts texts, VoiceDbContext db, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        var r = new VoiceTwiml();
        if (form.CallSid is null)
            return script.GiveUp(r).ToResult();
        var session = await flow.SessionAsync(form, ct);
        // With a recording, OpenAsync finds the ticket of a retried delivery itself.
        var ticket = form.RecordingUrl is null ? await tickets.FindByCallAsync(form.CallSid, ct) : null;
        if (ticket is null && form.RecordingUrl is null && form.Attempt <= IvrScript.MaxAttempts)
            return script.RecordDetails(r, form.Attempt, IvrScript.Apology(null)).ToResult();

        if (ticket is null)
        {
            var customer = await flow.CustomerOfAsync(session, ct);
            // The recording, the session's link and the text to the caller are stored with the ticket in one commit.
            var recordingSid = form.RecordingSid ?? session.RecordingSid;
            var recordingUrl = form.RecordingUrl ?? session.RecordingUrl;
            var recording = recordingSid is not null && recordingUrl is not null
                ? new TicketRecording(recordingSid, recordingUrl, form.RecordingDuration)
                : null;
            ticket = await tickets.OpenAsync(new NewTicket(session.Category ?? FaultCategory.P3, TicketChannel.Phone, customer,
                session.From ?? form.From, form.CallSid, Chargeable: session.Chargeable, Recording: recording)
            {
                Transcription = session.Transcription,
                // The first delivery links the ticket to the session in the commit that stores it.
                MayBeOpen = session.TicketId is not null,
                Session = session,
            }, ct);
        }
        ticket.RecordingUrl ??= form.RecordingUrl ?? session.RecordingUrl;
        ticket.RecordingSid ??= form.RecordingSid ?? session.RecordingSid;
        ticket.RecordingDurationSeconds ??= form.RecordingDuration;
        ticket.Transcription ??= session.Transcription;
        session.TicketId = ticket.Id;
        // A ticket just opened was stored with all of this (TicketService.OpenAsync); a retried delivery may add to it.
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(ct);

        var texted = ticket.CallerNumber is { } caller && PhoneNumberFormat.IsMobile(caller);
        script.ReadBack(r, ticket, texts.Due(ticket), texted, withoutRecording: ticket.RecordingUrl is null);
        return (session.AnnouncedPages is not null && session.From is not null
            ? script.OfferUpdates(r, attempt: 1)
            : script.Goodbye(r)).ToResult();
    }

    private static async Task<TwiMLResult> UpdatesAsync(HttpRequest request, CallFlow flow, IvrScript script, VoiceDbContext db,
        SmsConsent consent, IOptionsMonitor<TwilioOptions> twilio, TimeProvider time, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        var r = new VoiceTwiml();
        if (form.CallSid is null)
            return script.GiveUp(r).ToResult();
        if (form.Digits is "" or "2")
            return script.Goodbye(r).ToResult();
        if (form.Digits != "1")
            return IvrEndpoints.Retry(r, script, form, (resp, attempt, apology) => script.OfferUpdates(resp, attempt, apology));

        var session = await flow.SessionAsync(form, ct);
        if (session.From is { } phone && session.AnnouncedPages is { } pages)
        {
            foreach (var page in pages.Split(','))
            {
                if (!await db.Set<Subscription>().AnyAsync(s => s.Phone == phone && s.PageKey == page, ct))
                    db.Add(new Subscription { Phone = phone, PageKey = page, Source = "ivr", SubscribedAt = time.GetUtcNow() });
            }
            await db.SaveChangesAsync(ct);
            // Pressing 1 is consent to us, but Twilio keeps blocking a number that texted STOP until it texts START.
            if (await consent.IsOptedOutAsync(phone, twilio.CurrentValue.Sender, ct))
                return script.Goodbye(script.SubscribedButOptedOut(r)).ToResult();
        }
        return script.Goodbye(script.Subscribed(r)).ToResult();
    }

    private static async Task<TwiMLResult> RecordingStatusAsync(HttpRequest request, TicketService tickets, VoiceDbContext db, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        if (form.CallSid is null || form.RecordingUrl is null)
            return TwiMLResult.Empty;
        if (await tickets.FindByCallAsync(form.CallSid, ct) is { } ticket)
        {
            ticket.RecordingUrl ??= form.RecordingUrl;
            ticket.RecordingSid ??= form.RecordingSid;
            ticket.RecordingDurationSeconds ??= form.RecordingDuration;
        }
        else if (await db.Set<CallSession>().FindAsync([form.CallSid], ct) is { } session)
        {
            session.RecordingUrl ??= form.RecordingUrl;
            session.RecordingSid ??= form.RecordingSid;
        }
        await db.SaveChangesAsync(ct);
        return TwiMLResult.Empty;
    }

    private static async Task<TwiMLResult> TranscriptionAsync(HttpRequest request, TicketService tickets, VoiceDbContext db, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        if (form.CallSid is null || form.TranscriptionText is null || form.TranscriptionStatus != "completed")
            return TwiMLResult.Empty;
        if (await tickets.FindByCallAsync(form.CallSid, ct) is { } ticket)
            ticket.Transcription = form.TranscriptionText;
        else if (await db.Set<CallSession>().FindAsync([form.CallSid], ct) is { } session)
            session.Transcription = form.TranscriptionText;
        await db.SaveChangesAsync(ct);
        return TwiMLResult.Empty;
    }

    /// <summary>The call ended: keep a record of it, and a P1 caller who left no details is texted to level 1.</summary>
    private static async Task<TwiMLResult> CallStatusAsync(HttpRequest request, CallFlow flow, OnCallPager pager, VoiceDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        if (form.CallSid is null || !EndedStatuses.Contains(form.CallStatus))
            return TwiMLResult.Empty;
        var session = await flow.SessionAsync(form, ct);
        session.EndedAt ??= time.GetUtcNow();
        session.EndStatus = form.CallStatus;
        if (session.TicketId is null && session.Category == FaultCategory.P1 && !session.HangUpPaged)
        {
            var customer = await flow.CustomerOfAsync(session, ct);
            await pager.PageAsync(1, $"hangup:{session.CallSid}", EscalationTexts.HangUpPage(session.From ?? "number withheld", customer?.Name),
                "escalation", MessagePriority.UrgentPage, cancellationToken: ct);
            session.HangUpPaged = true;
        }
        await db.SaveChangesAsync(ct);
        return TwiMLResult.Empty;
    }
}
