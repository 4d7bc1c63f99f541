namespace Ciptex.Voice.Sms;

/// <summary>
/// What a text costs on the wire. <see cref="Units"/> are septets for GSM-7 and UTF-16 code units for UCS-2.
/// An empty text is 0 segments: there is nothing to send.
/// </summary>
public readonly record struct SmsLength(SmsEncoding Encoding, int Units, int Segments)
{
    private const int Gsm7Single = 160;
    private const int Gsm7Part = 153;
    private const int Ucs2Single = 70;
    private const int Ucs2Part = 67;

    public static SmsLength Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Gsm7Alphabet.Covers(text) ? OfGsm7(text) : OfUcs2(text);
    }

    private static SmsLength OfGsm7(string text)
    {
        var septets = 0;
        foreach (var c in text)
            septets += Gsm7Alphabet.Septets(c);
        return new SmsLength(SmsEncoding.Gsm7, septets,
            septets <= Gsm7Single ? Single(septets) : Parts(text, Gsm7Part, static (s, i) => Gsm7Alphabet.Septets(s[i])));
    }

    private static SmsLength OfUcs2(string text) =>
        new(SmsEncoding.Ucs2, text.Length,
            text.Length <= Ucs2Single ? Single(text.Length) : Parts(text, Ucs2Part, static (s, i) => IsPairAt(s, i) ? 2 : 1));

    private static int Single(int units) => units == 0 ? 0 : 1;

    // Handsets reassemble parts blindly, so an escape is never left at the end of one part with its character at
    // the start of the next, nor half a surrogate pair: the part is closed early and the pair moves on whole.
    private static int Parts(string text, int perPart, Func<string, int, int> unitsAt)
    {
        var parts = 1;
        var used = 0;
        for (var i = 0; i < text.Length;)
        {
            var units = unitsAt(text, i);
            if (used + units > perPart)
            {
                parts++;
                used = 0;
            }
            used += units;
            i += IsPairAt(text, i) ? 2 : 1;
        }
        return parts;
    }

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
