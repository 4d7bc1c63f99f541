using Ciptex.Voice.Sla;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;
using Twilio.TwiML;
using Twilio.TwiML.Voice;
using SayVerb = Twilio.TwiML.Voice.Say;
using TwilioHttpMethod = Twilio.Http.HttpMethod;

namespace Ciptex.Voice.Ivr;

/// <summary>
/// Everything the caller hears, step by step, as TwiML. No I/O: the endpoints decide which step comes next and
/// this class says it. Action URLs carry their query parameters in alphabetical order (PITFALLS.md).
/// </summary>
public sealed class IvrScript(IOptionsMonitor<TwilioOptions> twilio)
{
    public const int MaxAttempts = 3;
    private const string VoiceName = "Polly.Amy-Neural";

    public VoiceResponse Greet(VoiceResponse r, string? customerName, IReadOnlyList<OpenIncident> incidents)
    {
        Say(r, customerName is null ? "Thank you for calling Ciptex support." : $"Thank you for calling Ciptex support. Hello, {customerName}.");
        foreach (var incident in incidents)
            Say(r, $"Please note: {incident.PageName} is reporting an incident, {incident.Name}. Its status is {incident.Status}.");
        return r;
    }

    public VoiceResponse AskAccount(VoiceResponse r, int attempt, string? apology = null) =>
        r.Append(Ask("/twilio/voice/account", attempt, numDigits: 6, apology,
            "Please enter your six digit Ciptex account number on your keypad."));

    public VoiceResponse AccountNotRecognisedCarryOn(VoiceResponse r) =>
        Say(r, "Sorry, we could not find that account. We will carry on without it, and an engineer will confirm your details.");

    public VoiceResponse AccountFound(VoiceResponse r, string customerName) => Say(r, $"Thank you. You are calling for {customerName}.");

    public VoiceResponse ClosedNotice(VoiceResponse r, SupportPackage package, string opensWords) => Say(r, package == SupportPackage.Extended
        ? $"Our support desk is closed today. We open again at {opensWords}. Please leave your details and your ticket will be waiting."
        : $"Our support hours are 9 am to 5 pm, Monday to Friday, except bank holidays. We open again at {opensWords}. " +
          "Please leave your details and your ticket will be waiting for the team.");

    public VoiceResponse CategoryMenu(VoiceResponse r, int attempt, string? apology = null) =>
        r.Append(Ask("/twilio/voice/category", attempt, numDigits: 1, apology,
            "Please choose the category of your issue. " +
            "Press 1 for P1, business critical: a production service is down, with no workaround. " +
            "Press 2 for P2, degraded service: intermittent problems or reduced quality. " +
            "Press 3 for P3, a general issue, question, or development problem. " +
            "Press 4 for P4, a request for information or advice. " +
            "Press star to hear these options again."));

    public VoiceResponse AskProduction(VoiceResponse r, int attempt, string? apology = null) =>
        r.Append(Ask("/twilio/voice/confirm", attempt, numDigits: 1, apology,
            "Is a production service affected? Press 1 for yes, or 2 for no.", question: "production"));

    public VoiceResponse NotProduction(VoiceResponse r) =>
        Say(r, "As no production service is affected, we will log this as P3, a general issue.");

    public VoiceResponse AskChargeable(VoiceResponse r, int attempt, string opensWords, string? apology = null) =>
        r.Append(Ask("/twilio/voice/confirm", attempt, numDigits: 1, apology,
            "We are outside your support hours. An engineer can start on a P1 now as chargeable out of hours support, " +
            $"under our terms and conditions. Press 1 to accept the charge, or press 2 and your ticket will wait until we open at {opensWords}.",
            question: "chargeable"));

    public VoiceResponse ChargeableAccepted(VoiceResponse r) => Say(r, "Thank you. An engineer on call is being told now.");

    public VoiceResponse ChargeableDeclined(VoiceResponse r) => Say(r, "Thank you. Your ticket will be waiting for the team when we open.");

    public VoiceResponse RecordDetails(VoiceResponse r, int attempt, string? apology = null)
    {
        if (apology is not null)
            Say(r, apology);
        Say(r, "After the tone, please describe the problem: what is affected, since when, and the best number to reach you. " +
               "Press the hash key when you have finished.");
        r.Record(action: Url("/twilio/voice/recorded", attempt), method: TwilioHttpMethod.Post, timeout: 10, finishOnKey: "#",
            maxLength: 120, playBeep: true, recordingStatusCallback: Url("/twilio/voice/recording-status"),
            recordingStatusCallbackMethod: TwilioHttpMethod.Post, transcribe: true, transcribeCallback: Url("/twilio/voice/transcription"));
        // Twilio skips the action when nothing was recorded and carries on here.
        return r.Redirect(Url("/twilio/voice/recorded", attempt + 1), TwilioHttpMethod.Post);
    }

    public VoiceResponse ReadBack(VoiceResponse r, Ticket ticket, string dueWords, bool texted, bool withoutRecording)
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

    public VoiceResponse OfferUpdates(VoiceResponse r, int attempt, string? apology = null) =>
        r.Append(Ask("/twilio/voice/updates", attempt, numDigits: 1, apology,
            "To get a text message with each update about the incident we mentioned, press 1 now. Otherwise, just hang up or press 2."));

    public VoiceResponse Subscribed(VoiceResponse r) =>
        Say(r, "Done. We will text you each update. Reply STOP at any time to opt out.");

    public VoiceResponse SubscribedButOptedOut(VoiceResponse r) =>
        Say(r, "Done. You asked us earlier to stop texting you, so before the updates can reach you, " +
               "please text the word START to this number.");

    public VoiceResponse Goodbye(VoiceResponse r) => Say(r, "Thank you for calling Ciptex support. Goodbye.").Hangup();

    /// <summary>After three silences or wrong keys: end politely, with the other ways to reach us.</summary>
    public VoiceResponse GiveUp(VoiceResponse r) =>
        Say(r, "Sorry, we have not been able to take your details this time. You can raise a ticket at support dot ciptex dot com, " +
               "or call us again. Goodbye.").Hangup();

    public static string Apology(string? digits) => string.IsNullOrEmpty(digits)
        ? "Sorry, I did not hear anything."
        : "Sorry, that is not one of the options.";

    private Gather Ask(string path, int attempt, int numDigits, string? apology, string prompt, string? question = null)
    {
        var gather = new Gather(input: [Gather.InputEnum.Dtmf], action: Url(path, attempt, question), method: TwilioHttpMethod.Post,
            timeout: 6, finishOnKey: "", numDigits: numDigits, actionOnEmptyResult: true);
        if (apology is not null)
            gather.Say(apology, voice: VoiceName, language: SayVerb.LanguageEnum.EnGb);
        return gather.Say(prompt, voice: VoiceName, language: SayVerb.LanguageEnum.EnGb);
    }

    private VoiceResponse Say(VoiceResponse r, string text) => r.Say(text, voice: VoiceName, language: SayVerb.LanguageEnum.EnGb);

    /// <summary>Absolute under <c>Twilio:PublicBaseUrl</c> when set; query parameters in alphabetical order.</summary>
    private Uri Url(string path, int? attempt = null, string? question = null)
    {
        var query = new List<string>();
        if (attempt is { } a)
            query.Add($"attempt={a}");
        if (question is not null)
            query.Add($"question={question}");
        var relative = query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
        var baseUrl = twilio.CurrentValue.PublicBaseUrl.TrimEnd('/');
        return baseUrl.Length == 0 ? new Uri(relative, UriKind.Relative) : new Uri(baseUrl + relative);
    }
}
