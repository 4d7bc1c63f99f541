using System.Globalization;
using System.Text.RegularExpressions;

namespace Ciptex.Voice.Sms;

/// <summary>
/// What a text to the support number asks for (CONTRACT.md §6). Keywords are matched in any case, with the
/// whitespace and punctuation around the message ignored.
/// </summary>
/// <remarks>
/// Bare <c>UNSUBSCRIBE</c> is one of Twilio's opt-out words: Twilio has already blocked the number by the time the
/// webhook arrives, so it is read as <see cref="OptOut"/> rather than as leaving every status page.
/// <c>UNSUBSCRIBE TWILIO</c> is two words, which Twilio ignores, so it is ours.
/// </remarks>
public abstract partial record InboundSmsCommand
{
    private InboundSmsCommand() { }

    /// <param name="Page">"twilio" or "ciptex"; null for every status page.</param>
    public sealed record Subscribe(string? Page) : InboundSmsCommand;

    /// <param name="Page">"twilio" or "ciptex"; null for every status page.</param>
    public sealed record Unsubscribe(string? Page) : InboundSmsCommand;

    public sealed record Status : InboundSmsCommand;

    /// <param name="Reference">Normalised, as <c>CIP-000123</c>; null for the sender's latest ticket.</param>
    public sealed record Ticket(string? Reference) : InboundSmsCommand;

    /// <param name="Reference">Normalised, as <c>CIP-000123</c>; null for the latest ticket paged to the sender.</param>
    public sealed record Ack(string? Reference) : InboundSmsCommand;

    public sealed record Help : InboundSmsCommand;

    /// <summary>One of Twilio's opt-out words: Twilio blocks the number itself; we must stop texting it too.</summary>
    public sealed record OptOut : InboundSmsCommand;

    /// <summary>One of Twilio's opt-in words: Twilio lifts its block.</summary>
    public sealed record OptIn : InboundSmsCommand;

    /// <summary>Anything else; the sender gets the help text.</summary>
    public sealed record Unknown : InboundSmsCommand;

    // Twilio's words as of reference/twilio.md §5.2; they only count as the whole message.
    private static readonly HashSet<string> OptOutWords = new(StringComparer.OrdinalIgnoreCase)
        { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT" };

    private static readonly HashSet<string> OptInWords = new(StringComparer.OrdinalIgnoreCase)
        { "START", "YES", "UNSTOP" };

    /// <summary>
    /// Reads the command, letting Twilio's <c>OptOutType</c> form field (sent with Advanced Opt-Out) decide when it
    /// is present: it also covers the custom and translated keywords configured on the Messaging Service.
    /// </summary>
    public static InboundSmsCommand Parse(string? body, string? optOutType) =>
        optOutType?.Trim().ToUpperInvariant() switch
        {
            "STOP" => new OptOut(),
            "START" => new OptIn(),
            "HELP" => new Help(),
            _ => Parse(body),
        };

    public static InboundSmsCommand Parse(string? body)
    {
        var words = TrimSurrounding(body ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return new Unknown();

        var keyword = words[0].ToUpperInvariant();
        var rest = string.Join(' ', words.Skip(1));
        if (words.Length == 1)
        {
            if (OptOutWords.Contains(keyword))
                return new OptOut();
            if (OptInWords.Contains(keyword))
                return new OptIn();
        }

        return keyword switch
        {
            "SUBSCRIBE" when TryReadPage(rest, out var page) => new Subscribe(page),
            "UNSUBSCRIBE" when TryReadPage(rest, out var page) => new Unsubscribe(page),
            "STATUS" when rest.Length == 0 => new Status(),
            "HELP" or "INFO" when rest.Length == 0 => new Help(),
            "TICKET" when TryReadReference(rest, out var reference) => new Ticket(reference),
            "ACK" when TryReadReference(rest, out var reference) => new Ack(reference),
            _ => new Unknown(),
        };
    }

    // "ALL" is not in the contract, but it is what someone leaving every page is likely to type.
    private static bool TryReadPage(string text, out string? page)
    {
        var name = text.ToLowerInvariant();
        page = name is "twilio" or "ciptex" ? name : null;
        return page is not null || name is "" or "all";
    }

    private static bool TryReadReference(string text, out string? reference)
    {
        reference = null;
        if (text.Length == 0)
            return true;
        var match = ReferenceForm().Match(text);
        if (!match.Success)
            return false;
        // Parsed as a number so "CIP-0000123" and "cip 123" name the same ticket as "CIP-000123".
        var number = long.Parse(match.Groups["digits"].ValueSpan, CultureInfo.InvariantCulture);
        reference = $"CIP-{number.ToString("D6", CultureInfo.InvariantCulture)}";
        return true;
    }

    // People type "Stop." or "'ACK CIP-000123!'". Reading those as the keyword errs towards honouring an opt-out.
    private static string TrimSurrounding(string text)
    {
        static bool IsNoise(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c);
        var (start, end) = (0, text.Length);
        while (start < end && IsNoise(text[start]))
            start++;
        while (end > start && IsNoise(text[end - 1]))
            end--;
        return text[start..end];
    }

    [GeneratedRegex(@"^#?(?:CIP\s*[-_]?\s*#?)?(?<digits>[0-9]{1,18})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceForm();
}
