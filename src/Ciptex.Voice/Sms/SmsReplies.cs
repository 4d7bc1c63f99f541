using Ciptex.Voice.Ivr;

namespace Ciptex.Voice.Sms;

/// <summary>What the support number texts back, in one voice. Replies name the two-word forms: a bare UNSUBSCRIBE is STOP.</summary>
internal static class SmsReplies
{
    public const string Help =
        "Ciptex Support: text SUBSCRIBE TWILIO or SUBSCRIBE CIPTEX for status-page updates, UNSUBSCRIBE TWILIO or " +
        "UNSUBSCRIBE CIPTEX to stop them, STATUS for open incidents, TICKET and a reference for a ticket. Call +44 345 8800 808.";

    public static string Subscribed(IReadOnlyList<string> pages, bool optedOut) => optedOut
        ? $"Ciptex Support: you are subscribed to {SubscriptionPages.Describe(pages)} status updates, but you have opted out of " +
          "texts from this number. Text START first, then we can send them."
        : $"Ciptex Support: you will get a text for each {SubscriptionPages.Describe(pages)} status update. " +
          $"Text UNSUBSCRIBE {pages[0].ToUpperInvariant()} to stop.";

    public static string Unsubscribed(IReadOnlyList<string> pages) =>
        $"Ciptex Support: you will no longer get {SubscriptionPages.Describe(pages)} status updates.";

    public static string Status(IReadOnlyList<OpenIncident> open) => open.Count == 0
        ? "Ciptex Support: no incidents are open on the Twilio or Ciptex status pages."
        : "Ciptex Support: open incidents: " + string.Join("; ", open.Select(i => $"{i.PageName}: {i.Name} ({i.Status})")) + ".";

    public static string Ticket(string? found, string? reference) => found is not null
        ? $"Ciptex Support: {found}"
        : reference is not null
            ? $"Ciptex Support: we could not find ticket {reference} for this number. Call +44 345 8800 808 for help."
            : "Ciptex Support: we could not find a ticket raised from this number. Call +44 345 8800 808 to raise one.";

    public const string NotAPhone = "Ciptex Support: status updates can only be sent to a phone number.";
}
