using System.Buffers;

namespace Ciptex.Voice.Sms;

/// <summary>The GSM 03.38 default alphabet and its extension table, as the phone counts them.</summary>
internal static class Gsm7Alphabet
{
    // The basic table in code-point order, row by row; 0x1B (the escape) is not a character of its own.
    // Position 0x09 is the capital Ç of the standard: a lower-case ç is not GSM-7, so it forces UCS-2.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅå" +
        "Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ" +
        " !\"#¤%&'()*+,-./" +
        "0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNO" +
        "PQRSTUVWXYZÄÖÑÜ§" +
        "¿abcdefghijklmno" +
        "pqrstuvwxyzäöñüà";

    // Sent as the escape plus one septet, so each costs two.
    private const string Extension = "\f^{}\\[~]|€";

    private static readonly SearchValues<char> All = SearchValues.Create(Basic + Extension);
    private static readonly SearchValues<char> Escaped = SearchValues.Create(Extension);

    public static bool Covers(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(All);

    /// <summary>Septets one character takes: 1, 2 for the extension table, 0 when it is not GSM-7 at all.</summary>
    public static int Septets(char c) => Escaped.Contains(c) ? 2 : All.Contains(c) ? 1 : 0;
}
