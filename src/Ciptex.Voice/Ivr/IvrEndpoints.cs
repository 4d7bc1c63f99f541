using Ciptex.Voice.Data;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Twilio;

namespace Ciptex.Voice.Ivr;

/// <summary>
/// The call, from greeting to category (CONTRACT §4 steps 1–4). Every answer is TwiML; a missing or wrong key is
/// met with a spoken re-prompt, at most three times, then a polite goodbye.
/// </summary>
internal static class IvrEndpoints
{
    public static RouteGroupBuilder MapIvr(this RouteGroupBuilder twilio)
    {
        var voice = twilio.MapGroup("/voice").AddSharedEndpointFilter<RouteGroupBuilder, IvrSafetyNet>();
        voice.MapPost("/incoming", IncomingAsync);
        voice.MapPost("/account", AccountAsync);
        voice.MapPost("/category", CategoryAsync);
        voice.MapPost("/confirm", ConfirmAsync);
        voice.MapIvrCallEnd();
        return twilio;
    }

    /// <summary>Answered from memory: the session is stored behind the greeting (<see cref="CallStarts"/>).</summary>
    private static async Task<TwiMLResult> IncomingAsync(HttpRequest request, CallFlow flow, IvrScript script, IOpenIncidents incidents,
        CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        var r = new VoiceTwiml();
        if (form.CallSid is null)
            return script.GiveUp(r).ToResult();
        var caller = await flow.KnownCallerAsync(form.From, ct);
        var open = await incidents.GetAsync(ct);
        flow.Start(form, caller, open);

        script.Greet(r, caller?.Name, open);
        return (caller is null ? script.AskAccount(r, attempt: 1) : flow.ToCategoryMenu(r, caller.Package)).ToResult();
    }

    private static async Task<TwiMLResult> AccountAsync(HttpRequest request, CallFlow flow, IvrScript script, VoiceDbContext db, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        var r = new VoiceTwiml();
        if (form.CallSid is null)
            return script.GiveUp(r).ToResult();
        var session = await flow.SessionAsync(form, ct);
        if (await flow.CustomerWithAccountAsync(form.Digits, ct) is { } customer)
        {
            session.CustomerId = customer.Id;
            await db.SaveChangesAsync(ct);
            return flow.ToCategoryMenu(script.AccountFound(r, customer.Name), customer.Package).ToResult();
        }
        await db.SaveChangesAsync(ct);
        if (form.Attempt >= IvrScript.MaxAttempts)
            return flow.ToCategoryMenu(script.AccountNotRecognisedCarryOn(r), CallFlow.PackageOf(null)).ToResult();
        var apology = form.Digits.Length == 0 ? IvrScript.Apology(null) : "Sorry, that account number was not recognised.";
        return script.AskAccount(r, form.Attempt + 1, apology).ToResult();
    }

    private static async Task<TwiMLResult> CategoryAsync(HttpRequest request, CallFlow flow, IvrScript script, VoiceDbContext db, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        var r = new VoiceTwiml();
        if (form.CallSid is null)
            return script.GiveUp(r).ToResult();
        if (form.Digits == "*")
            return script.CategoryMenu(r, form.Attempt).ToResult();
        if (form.Digits is not ("1" or "2" or "3" or "4"))
            return Retry(r, script, form, (resp, attempt, apology) => script.CategoryMenu(resp, attempt, apology));

        var session = await flow.SessionAsync(form, ct);
        session.Category = (FaultCategory)(form.Digits[0] - '1');
        await db.SaveChangesAsync(ct);
        return (session.Category is FaultCategory.P1 or FaultCategory.P2
            ? script.AskProduction(r, attempt: 1)
            : script.RecordDetails(r, attempt: 1)).ToResult();
    }

    private static async Task<TwiMLResult> ConfirmAsync(HttpRequest request, CallFlow flow, IvrScript script, VoiceDbContext db, CancellationToken ct)
    {
        var form = await VoiceForm.ReadAsync(request, ct);
        var r = new VoiceTwiml();
        if (form.CallSid is null)
            return script.GiveUp(r).ToResult();
        var session = await flow.SessionAsync(form, ct);
        if (session.Category is null || form.Question is not ("production" or "chargeable"))
            return script.CategoryMenu(r, attempt: 1).ToResult();
        var customer = await flow.CustomerOfAsync(session, ct);
        var package = CallFlow.PackageOf(customer);

        switch (form.Question, form.Digits)
        {
            case ("production", "1"):
                session.ProductionAffected = true;
                await db.SaveChangesAsync(ct);
                return flow.ToRecording(r, session, customer).ToResult();
            case ("production", "2"):
                session.ProductionAffected = false;
                session.Category = FaultCategory.P3;
                await db.SaveChangesAsync(ct);
                return script.RecordDetails(script.NotProduction(r), attempt: 1).ToResult();
            case ("chargeable", "1" or "2"):
                session.Chargeable = form.Digits == "1";
                await db.SaveChangesAsync(ct);
                var said = session.Chargeable ? script.ChargeableAccepted(r) : script.ChargeableDeclined(r);
                return script.RecordDetails(said, attempt: 1).ToResult();
            case ("production", _):
                return Retry(r, script, form, (resp, attempt, apology) => script.AskProduction(resp, attempt, apology));
            default:
                return Retry(r, script, form, (resp, attempt, apology) => script.AskChargeable(resp, attempt, flow.OpensWords(package), apology));
        }
    }

    internal static TwiMLResult Retry(VoiceTwiml r, IvrScript script, VoiceForm form, Func<VoiceTwiml, int, string, VoiceTwiml> ask) =>
        (form.Attempt >= IvrScript.MaxAttempts
            ? script.GiveUp(r)
            : ask(r, form.Attempt + 1, IvrScript.Apology(form.Digits))).ToResult();
}
