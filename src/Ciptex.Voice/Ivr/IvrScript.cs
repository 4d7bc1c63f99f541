using Ciptex.Voice.Sla;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Ivr;

/// <summary>
/// Everything the caller hears, step by step, as TwiML. No I/O: the endpoints decide which step comes next and
/// this class says it. Action URLs carry their query parameters in alphabetical order (PITFALLS.md).
/// </summary>
public sealed class IvrScript(IOptionsMonitor<TwilioOptions> twilio)
{
    public const int MaxAttempts = 3;
    private const string VoiceName = "Polly.Amy-Neural";
    private const string Language = "en-GB";

    public VoiceTwiml Greet(VoiceTwiml r, string? customerName, IReadOnlyList<OpenIncident> incidents)
    {
        Say(r, customerName is null ? "Thank you for calling Ciptex support." : $"Thank you for calling Ciptex support. Hello, {customerName}.");
        foreach (var incident in incidents)
            Say(r, $"Please note: {incident.PageName} is reporting an incident, {incident.Name}. Its status is {incident.Status}.");
        return r;
    }

    public VoiceTwiml AskAccount(VoiceTwiml r, int attempt, string? apology = null) =>
        Ask(r, "/twilio/voice/account", attempt, numDigits: 6, apology,
            "Please enter your six digit Ciptex account number on your keypad.");

    public VoiceTwiml AccountNotRecognisedCarryOn(VoiceTwiml r) =>
        Say(r, "Sorry, we could not find that account. We will carry on without it, and an engineer will confirm your details.");

    public VoiceTwiml AccountFound(VoiceTwiml r, string customerName) => Say(r, $"Thank you. You are calling for {customerName}.");

    public VoiceTwiml ClosedNotice(VoiceTwiml r, SupportPackage package, string opensWords) => Say(r, package == SupportPackage.Extended
        ? $"Our support desk is closed today. We open again at {opensWords}. Please leave your details and your ticket will be waiting."
        : $"Our support hours are 9 am to 5 pm, Monday to Friday, except bank holidays. We open again at {opensWords}. " +
          "Please leave your details and your ticket will be waiting for the team.");

    public VoiceTwiml CategoryMenu(VoiceTwiml r, int attempt, string? apology = null) =>
        Ask(r, "/twilio/voice/category", attempt, numDigits: 1, apology,
            "Please choose the category of your issue. " +
            "Press 1 for P1, business critical: a production service is down, with no workaround. " +
            "Press 2 for P2, degraded service: intermittent problems or reduced quality. " +
            "Press 3 for P3, a general issue, question, or development problem. " +
            "Press 4 for P4, a request for information or advice. " +
            "Press star to hear these options again.");

    public VoiceTwiml AskProduction(VoiceTwiml r, int attempt, string? apology = null) =>
        Ask(r, "/twilio/voice/confirm", attempt, numDigits: 1, apology,
            "Is a production service affected? Press 1 for yes, or 2 for no.", question: "production");

    public VoiceTwiml NotProduction(VoiceTwiml r) =>
        Say(r, "As no production service is affected, we will log this as P3, a general issue.");

    public VoiceTwiml AskChargeable(VoiceTwiml r, int attempt, string opensWords, string? apology = null) =>
        Ask(r, "/twilio/voice/confirm", attempt, numDigits: 1, apology,
            "We are outside your support hours. An engineer can start on a P1 now as chargeable out of hours support, " +
            $"under our terms and conditions. Press 1 to accept the charge, or press 2 and your ticket will wait until we open at {opensWords}.",
            question: "chargeable");

    public VoiceTwiml ChargeableAccepted(VoiceTwiml r) => Say(r, "Thank you. An engineer on call is being told now.");

    public VoiceTwiml ChargeableDeclined(VoiceTwiml r) => Say(r, "Thank you. Your ticket will be waiting for the team when we open.");

    public VoiceTwiml RecordDetails(VoiceTwiml r, int attempt, string? apology = null)
    {
        if (apology is not null)
            Say(r, apology);
        Say(r, "After the tone, please describe the problem: what is affected, since when, and the best number to reach you. " +
               "Press the hash key when you have finished.");
        r.Record(action: Url("/twilio/voice/recorded", attempt), timeout: 10, finishOnKey: "#", maxLength: 120, playBeep: true,
            recordingStatusCallback: Url("/twilio/voice/recording-status"), transcribe: true,
            transcribeCallback: Url("/twilio/voice/transcription"));
        // Twilio skips the action when nothing was recorded and carries on here.
        return r.Redirect(Url("/twilio/voice/recorded", attempt + 1));
    }

    public VoiceTwiml ReadBack(VoiceTwiml r, Ticket ticket, string dueWords, bool texted, bool withoutRecording)
    {
        var reference = TicketReferences.Spoken(ticket.Reference);
        if (withoutRecording)
            Say(r, "We did not hear a description, so an engineer will call you back for the details.");
        Say(r, $"Thank you. Your ticket reference is {reference}. Again, that is {reference}. " +
               $"It is logged as {ticket.Category}, {ticket.Category.Title()}, and an engineer will respond by {dueWords}.");
        if (texted)
            Say(r, "We have sent these details to you by text message.");
        return r;
    }

    public VoiceTwiml OfferUpdates(VoiceTwiml r, int attempt, string? apology = null) =>
        Ask(r, "/twilio/voice/updates", attempt, numDigits: 1, apology,
            "To get a text message with each update about the incident we mentioned, press 1 now. Otherwise, just hang up or press 2.");

    public VoiceTwiml Subscribed(VoiceTwiml r) =>
        Say(r, "Done. We will text you each update. Reply STOP at any time to opt out.");

    public VoiceTwiml SubscribedButOptedOut(VoiceTwiml r) =>
        Say(r, "Done. You asked us earlier to stop texting you, so before the updates can reach you, " +
               "please text the word START to this number.");

    public VoiceTwiml Goodbye(VoiceTwiml r) => Say(r, "Thank you for calling Ciptex support. Goodbye.").Hangup();

    /// <summary>After three silences or wrong keys: end politely, with the other ways to reach us.</summary>
    public VoiceTwiml GiveUp(VoiceTwiml r) =>
        Say(r, "Sorry, we have not been able to take your details this time. You can raise a ticket at support dot ciptex dot com, " +
               "or call us again. Goodbye.").Hangup();

    public static string Apology(string? digits) => string.IsNullOrEmpty(digits)
        ? "Sorry, I did not hear anything."
        : "Sorry, that is not one of the options.";

    private VoiceTwiml Ask(VoiceTwiml r, string path, int attempt, int numDigits, string? apology, string prompt, string? question = null)
    {
        r.StartGather(action: Url(path, attempt, question), timeout: 6, finishOnKey: "", numDigits: numDigits);
        if (apology is not null)
            Say(r, apology);
        return Say(r, prompt).EndGather();
    }

    private static VoiceTwiml Say(VoiceTwiml r, string text) => r.Say(text, voice: VoiceName, language: Language);

    /// <summary>
    /// Absolute under <c>Twilio:PublicBaseUrl</c> when set (checked at start to be an absolute http or https URL);
    /// query parameters in alphabetical order.
    /// </summary>
    private string Url(string path, int? attempt = null, string? question = null)
    {
        var query = new List<string>();
        if (attempt is { } a)
            query.Add($"attempt={a}");
        if (question is not null)
            query.Add($"question={question}");
        var relative = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        var baseUrl = twilio.CurrentValue.PublicBaseUrl.TrimEnd('/');
        return baseUrl + relative;
    }
}
