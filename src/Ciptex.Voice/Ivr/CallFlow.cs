using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Twilio;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Ivr;

/// <summary>The state the IVR keeps between webhooks, and the steps that more than one webhook leads to.</summary>
public sealed class CallFlow(
    Lazy<VoiceDbContext> database, IvrScript script, SupportCalendar calendar, KnownCallersRead knownCallers, CallStarts starts,
    TimeProvider time)
{
    // Taken from the pool only when a step reads or writes: the greeting answers from memory (docs/benchmarks.md).
    // The request's endpoints that also take VoiceDbContext get this same instance.
    private VoiceDbContext Db => database.Value;

    // Asked on every webhook of every call: compiled once rather than translated per request (docs/benchmarks.md).
    // The session comes with its customer in one round trip (most steps want both, and both are then tracked), by a
    // plain LEFT JOIN on the key: a FirstOrDefault in the projection would number every customer's rows instead.
    private static readonly Func<VoiceDbContext, string, CancellationToken, Task<SessionOfCall?>> SessionByCallSid =
        EF.CompileAsyncQuery((VoiceDbContext db, string callSid, CancellationToken _) =>
            (from s in db.Set<CallSession>()
             where s.CallSid == callSid
             join c in db.Set<Customer>() on s.CustomerId equals (int?)c.Id into customers
             from c in customers.DefaultIfEmpty()
             select new SessionOfCall(s, c)).FirstOrDefault());

    private sealed record SessionOfCall(CallSession Session, Customer? Customer);

    private static readonly Func<VoiceDbContext, int, CancellationToken, Task<Customer?>> CustomerById =
        EF.CompileAsyncQuery((VoiceDbContext db, int id, CancellationToken _) => db.Set<Customer>().FirstOrDefault(c => c.Id == id));

    /// <summary>The call's session, started if this is the first we hear of it (or the database lost it).</summary>
    public async Task<CallSession> SessionAsync(VoiceForm form, CancellationToken ct)
    {
        var callSid = form.CallSid!;
        if (Db.Set<CallSession>().Local.FindEntry(callSid)?.Entity is { } tracked)
            return tracked;
        await starts.StoredAsync(callSid);
        if ((await SessionByCallSid(Db, callSid, ct))?.Session is { } stored)
            return stored;
        var session = NewSession(form, await KnownCallerAsync(form.From, ct), announced: null);
        Db.Add(session);
        return session;
    }

    /// <summary>
    /// The call has just been answered: its session is queued (<see cref="CallStarts"/>), and this webhook goes on
    /// without waiting for the database.
    /// </summary>
    public void Start(VoiceForm form, KnownCaller? caller, IReadOnlyList<OpenIncident> announced) =>
        starts.Start(NewSession(form, caller, announced));

    private CallSession NewSession(VoiceForm form, KnownCaller? caller, IReadOnlyList<OpenIncident>? announced) => new()
    {
        CallSid = form.CallSid!, From = form.From, StartedAt = time.GetUtcNow(), CustomerId = caller?.CustomerId,
        AnnouncedPages = announced is null or [] ? null : string.Join(',', announced.Select(i => i.PageKey).Distinct()),
    };

    /// <summary>The customer whose contact is calling, from memory (<see cref="KnownCallersRead"/>).</summary>
    public async ValueTask<KnownCaller?> KnownCallerAsync(string? from, CancellationToken ct) =>
        from is null ? null : (await knownCallers.GetAsync(static (flow, ct) => flow.LoadKnownCallersAsync(ct), this, ct)).GetValueOrDefault(from);

    private async Task<IReadOnlyDictionary<string, KnownCaller>> LoadKnownCallersAsync(CancellationToken ct)
    {
        var contacts = await (
            from contact in Db.Set<CustomerContact>()
            join customer in Db.Set<Customer>() on contact.CustomerId equals customer.Id
            orderby customer.Id
            select new { contact.Phone, Caller = new KnownCaller(customer.Id, customer.Name, customer.Package) })
            .AsNoTracking().ToListAsync(ct);
        var callers = new Dictionary<string, KnownCaller>(StringComparer.Ordinal);
        foreach (var contact in contacts)
            callers.TryAdd(contact.Phone, contact.Caller);
        return callers;
    }

    public async Task<Customer?> CustomerOfAsync(CallSession session, CancellationToken ct) =>
        session.CustomerId is not { } id ? null : Db.Set<Customer>().Local.FindEntry(id)?.Entity ?? await CustomerById(Db, id, ct);

    public Task<Customer?> CustomerWithAccountAsync(string digits, CancellationToken ct) =>
        digits.Length == 6 && digits.All(char.IsAsciiDigit)
            ? Db.Set<Customer>().SingleOrDefaultAsync(c => c.AccountNumber == digits, ct)
            : Task.FromResult<Customer?>(null);

    /// <summary>Unverified callers get the standard business hours.</summary>
    public static SupportPackage PackageOf(Customer? customer) => customer?.Package ?? SupportPackage.Production;

    public bool IsOpen(SupportPackage package) => calendar.IsOpen(time.GetUtcNow(), package);

    public string OpensWords(SupportPackage package)
    {
        var now = time.GetUtcNow();
        return DueTimeWords.Describe(calendar.NextOpening(now, package), now, calendar.TimeZone);
    }

    /// <summary>Once we know who is calling: the opening hours if we are closed, then the category menu.</summary>
    public VoiceTwiml ToCategoryMenu(VoiceTwiml r, SupportPackage package)
    {
        if (!IsOpen(package))
            script.ClosedNotice(r, package, OpensWords(package));
        return script.CategoryMenu(r, attempt: 1);
    }

    /// <summary>After the category is settled: a P1 out of a Production customer's hours asks about charges first.</summary>
    public VoiceTwiml ToRecording(VoiceTwiml r, CallSession session, Customer? customer)
    {
        var package = PackageOf(customer);
        if (session.Category == FaultCategory.P1 && package == SupportPackage.Production && !IsOpen(package))
            return script.AskChargeable(r, attempt: 1, OpensWords(package));
        return script.RecordDetails(r, attempt: 1);
    }
}
