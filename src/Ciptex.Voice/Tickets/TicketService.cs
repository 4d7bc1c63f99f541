using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tickets;

public sealed record NewTicket(
    FaultCategory Category, TicketChannel Channel, Customer? Customer, string? CallerNumber,
    string? CallSid = null, string? Summary = null, bool Chargeable = false, DateTimeOffset? OpenedAt = null,
    TicketRecording? Recording = null)
{
    /// <summary>Twilio's transcription of the message, when it came before the ticket.</summary>
    public string? Transcription { get; init; }

    /// <summary>
    /// Whether the call may have its ticket already (a retried delivery): then it is asked for first. A call known to
    /// have none skips that read; two deliveries that still race are told apart by the unique CallSid.
    /// </summary>
    public bool MayBeOpen { get; init; } = true;

    /// <summary>The call's session, tracked by the caller's context: linked to the ticket (and stored, if new) in the commit that stores it.</summary>
    public CallSession? Session { get; init; }
}

/// <summary>The caller's recorded message, stored with the ticket when it is known as the ticket opens.</summary>
public sealed record TicketRecording(string Sid, string Url, int? DurationSeconds);

/// <summary>
/// Opens tickets and moves them through their life. Every change and the texts it causes are saved together.
/// </summary>
public sealed partial class TicketService(
    VoiceDbContext db, SupportCalendar calendar, SmsOutbox outbox, OnCallPager pager, TicketTexts texts,
    EscalationTexts escalationTexts, TicketWriter writer, OutboxWakeInterceptor wake, TimeProvider time, ILogger<TicketService> logger)
{
    /// <summary>
    /// Opens a ticket; for a call, at most one per CallSid however often Twilio retries. The ticket is stored by the
    /// <see cref="TicketWriter"/>, with other callers' in one commit, and comes back tracked by this context as stored.
    /// Not to be called inside a transaction of the caller's: on SQLite the writer would wait for its lock.
    /// </summary>
    public async Task<Ticket> OpenAsync(NewTicket request, CancellationToken ct)
    {
        if (request is { CallSid: { } callSid, MayBeOpen: true } && await FindByCallAsync(callSid, ct) is { } existing)
            return existing;

        var openedAt = request.OpenedAt ?? time.GetUtcNow();
        // A P1 whose caller accepted chargeable out-of-hours support is worked around the clock.
        var clock = request.Chargeable ? SupportPackage.Extended : request.Customer?.Package ?? SupportPackage.Production;
        var ticket = new Ticket
        {
            Reference = $"pending:{Guid.NewGuid():N}",
            Category = request.Category, Channel = request.Channel, CustomerId = request.Customer?.Id,
            CallerNumber = request.CallerNumber, CallSid = request.CallSid, Summary = request.Summary,
            ClockPackage = clock, Chargeable = request.Chargeable, OpenedAt = openedAt,
            FirstResponseDueAt = calendar.DueAt(openedAt, request.Category, clock),
            RecordingSid = request.Recording?.Sid, RecordingUrl = request.Recording?.Url,
            RecordingDurationSeconds = request.Recording?.DurationSeconds, Transcription = request.Transcription,
        };
        var session = request.Session;
        var sessionIsNew = session is not null && db.Entry(session).State == EntityState.Added;
        var stored = await writer.StoreAsync(new TicketToStore(ticket, request.Customer?.Copy(), session?.Copy(), sessionIsNew));

        // Committed by the writer: tracked here as this context would have it after saving it itself. A ticket a
        // racing delivery stored may be known here already.
        if (stored != ticket && db.Set<Ticket>().Local.FindEntry(stored.Id)?.Entity is { } tracked)
            return tracked;
        stored.Customer = request.Customer?.Id == stored.CustomerId ? request.Customer : null;
        db.Attach(stored);
        if (session is not null && stored.CallSid == session.CallSid)
            Linked(session, stored.Id);
        if (stored == ticket)
            logger.LogInformation("Ticket {Reference} opened: {Category} via {Channel}, due {DueAt:o}",
                ticket.Reference, ticket.Category, ticket.Channel, ticket.FirstResponseDueAt);
        return stored;
    }

    // The writer stored the session's link (and the session, if it was new): nothing of it is left for this context to save.
    private void Linked(CallSession session, long ticketId)
    {
        var entry = db.Entry(session);
        // A session added here keeps the values it was added with as its original ones, TicketId null among them.
        if (entry.State == EntityState.Added)
            entry.State = EntityState.Unchanged;
        session.TicketId = ticketId;
        var link = entry.Property(s => s.TicketId);
        link.OriginalValue = ticketId;
        link.IsModified = false;
    }

    public Task<Ticket?> FindAsync(string reference, CancellationToken ct) =>
        db.Set<Ticket>().Include(t => t.Customer).Include(t => t.Escalations).SingleOrDefaultAsync(t => t.Reference == reference, ct);

    // Every recorded message asks it: compiled once rather than translated per call.
    private static readonly Func<VoiceDbContext, string, CancellationToken, Task<Ticket?>> TicketOfCall =
        EF.CompileAsyncQuery((VoiceDbContext db, string callSid, CancellationToken _) =>
            db.Set<Ticket>().Include(t => t.Customer).Include(t => t.Escalations).SingleOrDefault(t => t.CallSid == callSid));

    public Task<Ticket?> FindByCallAsync(string callSid, CancellationToken ct) => TicketOfCall(db, callSid, ct);

    public async Task AcknowledgeAsync(Ticket ticket, string by, CancellationToken ct)
    {
        if (ticket.AcknowledgedAt is null)
        {
            ticket.AcknowledgedAt = time.GetUtcNow();
            ticket.AcknowledgedBy = by;
            if (ticket.Status == TicketStatus.Open)
                ticket.Status = TicketStatus.Acknowledged;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The first response counts; later ones change nothing.</summary>
    public async Task RespondAsync(Ticket ticket, CancellationToken ct)
    {
        ticket.FirstRespondedAt ??= time.GetUtcNow();
        if (ticket.Status is TicketStatus.Open or TicketStatus.Acknowledged)
            ticket.Status = TicketStatus.Responded;
        await db.SaveChangesAsync(ct);
    }

    public async Task RecategoriseAsync(Ticket ticket, FaultCategory category, string reason, CancellationToken ct)
    {
        if (ticket.Category == category)
            return;
        var previous = ticket.Category;
        ticket.Category = category;
        ticket.FirstResponseDueAt = calendar.DueAt(ticket.OpenedAt, category, ticket.ClockPackage);
        ticket.Recategorisations++;
        await TextCallerAsync(ticket, $"recategorised:{ticket.Reference}:{ticket.Recategorisations}", texts.Recategorised(ticket, previous, reason), ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task ResolveAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.Status == TicketStatus.Resolved)
            return;
        ticket.Status = TicketStatus.Resolved;
        ticket.ResolvedAt = time.GetUtcNow();
        await TextCallerAsync(ticket, $"resolved:{ticket.Reference}", texts.Resolved(ticket), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task AnnounceAsync(Ticket ticket, CancellationToken ct)
    {
        if (ticket.Channel == TicketChannel.Phone)
            ConfirmToCaller(ticket);
        if (ticket.Category == FaultCategory.P1)
            await EscalateAsync(ticket, level: 1, ct);
    }

    /// <summary>Texts one level about a ticket, once: the stored escalation row is what every later check reads.</summary>
    public async Task<bool> EscalateAsync(Ticket ticket, int level, CancellationToken ct)
    {
        if (ticket.Escalations.Any(e => e.Level == level))
            return false;
        var name = (await pager.LevelAsync(level, ct))?.Name ?? $"Level {level}";
        var priority = ticket.Category == FaultCategory.P1 ? MessagePriority.UrgentPage : MessagePriority.Page;
        await pager.PageAsync(level, $"escalation:{ticket.Reference}:{level}", escalationTexts.TicketPage(ticket, name),
            "escalation", priority, ticket.Reference, ct);
        ticket.Escalations.Add(new TicketEscalation { Level = level, LevelName = name, SentAt = time.GetUtcNow() });
        return true;
    }

    /// <summary>
    /// The reference was given out a moment ago in this transaction, so no text can carry its key yet: the outbox is
    /// not asked (the write lock is held while a ticket opens, and every query in it delays the next caller).
    /// </summary>
    private void ConfirmToCaller(Ticket ticket)
    {
        if (Confirmation(ticket) is { } text)
            outbox.AddNew(text);
    }

    private OutgoingSms? Confirmation(Ticket ticket) =>
        ticket.CallerNumber is { } number && PhoneNumberFormat.IsMobile(number)
            ? new OutgoingSms($"ticket-confirmation:{ticket.Reference}", number, texts.Confirmation(ticket), "ticket-confirmation",
                MessagePriority.Customer, ticket.Reference)
            : null;

    private async Task TextCallerAsync(Ticket ticket, string key, string body, CancellationToken ct)
    {
        if (ticket.CallerNumber is { } number && PhoneNumberFormat.IsMobile(number))
            await outbox.EnqueueAsync(new OutgoingSms(key, number, body, key[..key.IndexOf(':')], MessagePriority.Customer, ticket.Reference), ct);
    }
}
