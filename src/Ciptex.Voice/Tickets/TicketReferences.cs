using System.Text.RegularExpressions;

namespace Ciptex.Voice.Tickets;

public static partial class TicketReferences
{
    [GeneratedRegex(@"^CIP-\d{6,18}$")]
    private static partial Regex Canonical();

    public static bool IsValid(string? reference) => reference is not null && Canonical().IsMatch(reference);

    /// <summary>"CIP-000123" read out one character at a time: "C, I, P, 0, 0, 0, 1, 2, 3".</summary>
    public static string Spoken(string reference) =>
        string.Join(", ", reference.Where(char.IsLetterOrDigit).Select(c => c.ToString()));
}
