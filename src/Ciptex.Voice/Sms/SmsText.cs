using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Ciptex.Voice.Sms;

/// <summary>
/// Makes a text fit the segment budget of one SMS (CONTRACT.md §6): cut on a word, marked with an ellipsis, with a
/// trailing link kept whole.
/// </summary>
/// <remarks>
/// The ellipsis is "..." when the rest of the cut text is GSM-7 and "…" when it is already UCS-2. The single
/// character "…" is not in the GSM-7 alphabet: appending it to a GSM-7 text would turn the whole message into
/// UCS-2 and shrink three segments from 459 characters to 201, so it would cost more than half the text it marks.
/// </remarks>
public static partial class SmsText
{
    /// <summary>The most segments a text of ours may take (CONTRACT.md §6).</summary>
    public const int MaxSegments = 3;

    private const string Gsm7Ellipsis = "...";
    private const string Ucs2Ellipsis = "…";

    // Left at the end of the kept part these would read badly before the ellipsis ("word,...").
    private static readonly char[] DanglingAtCut = [' ', '\n', ',', ';', ':', '.', '-'];

    public static ShapedSms Shape(string text, int maxSegments = MaxSegments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSegments, 1);

        var length = SmsLength.Of(text);
        if (length.Segments <= maxSegments)
            return new ShapedSms(text, length.Encoding, length.Segments, WasShortened: false);

        var squeezed = SqueezeWhitespace(text);
        var shaped = KeepingTrailingLink(squeezed, maxSegments)
            ?? Fit(squeezed, tail: "", maxSegments)
            ?? throw new UnreachableException("An ellipsis alone always fits in one segment.");

        var shapedLength = SmsLength.Of(shaped);
        return new ShapedSms(shaped, shapedLength.Encoding, shapedLength.Segments, WasShortened: true);
    }

    // The link is what the reader acts on, so the words before it are cut instead; its separator stays too.
    private static string? KeepingTrailingLink(string text, int maxSegments)
    {
        var link = TrailingLink().Match(text);
        if (!link.Success)
            return null;
        var body = text[..link.Index].TrimEnd();
        return Fit(body, text[body.Length..], maxSegments);
    }

    /// <summary>
    /// The longest start of <paramref name="body"/> that fits with the ellipsis and <paramref name="tail"/> after
    /// it; null when the tail leaves no room even for the ellipsis.
    /// </summary>
    private static string? Fit(string body, string tail, int maxSegments)
    {
        bool Fits(string candidate) => SmsLength.Of(candidate).Segments <= maxSegments;

        if (Fits(body + tail))
            return body + tail;
        if (!Fits(Cut(body, 0, tail)))
            return null;

        var wordEnds = WordEnds(body);
        var kept = Longest(wordEnds, end => Fits(Cut(body, end, tail)));
        var keptEnd = kept < 0 ? 0 : wordEnds[kept];

        // A word too long to fit even on its own would otherwise leave its room unused (or the text empty).
        var (nextStart, nextEnd) = NextWord(body, keptEnd);
        if (nextStart < nextEnd && !Fits(Cut(body[nextStart..nextEnd], nextEnd - nextStart, tail)))
        {
            var inside = InsideWordCuts(body, nextStart, nextEnd);
            var split = Longest(inside, end => Fits(Cut(body, end, tail)));
            if (split >= 0)
                keptEnd = inside[split];
        }
        return Cut(body, keptEnd, tail);
    }

    private static string Cut(string body, int end, string tail)
    {
        var kept = body[..end].TrimEnd(DanglingAtCut);
        var ellipsis = Gsm7Alphabet.Covers(kept) && Gsm7Alphabet.Covers(tail) ? Gsm7Ellipsis : Ucs2Ellipsis;
        return kept + ellipsis + tail;
    }

    // A longer start never costs fewer segments, so the longest one that fits is found by bisection.
    private static int Longest(List<int> cuts, Func<int, bool> fits)
    {
        var (low, high, best) = (0, cuts.Count - 1, -1);
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (fits(cuts[middle]))
                (best, low) = (middle, middle + 1);
            else
                high = middle - 1;
        }
        return best;
    }

    private static List<int> WordEnds(string body)
    {
        var ends = new List<int>();
        for (var i = 1; i < body.Length; i++)
        {
            if (char.IsWhiteSpace(body[i]) && !char.IsWhiteSpace(body[i - 1]))
                ends.Add(i);
        }
        return ends;
    }

    private static (int Start, int End) NextWord(string body, int from)
    {
        var start = from;
        while (start < body.Length && char.IsWhiteSpace(body[start]))
            start++;
        var end = start;
        while (end < body.Length && !char.IsWhiteSpace(body[end]))
            end++;
        return (start, end);
    }

    private static List<int> InsideWordCuts(string body, int start, int end)
    {
        var cuts = new List<int>();
        for (var i = start + 1; i < end; i++)
        {
            if (!(char.IsLowSurrogate(body[i]) && char.IsHighSurrogate(body[i - 1])))
                cuts.Add(i);
        }
        return cuts;
    }

    // Only when the text is too long: tabs and other odd spaces would force UCS-2, and runs of them waste room.
    // Newlines carry meaning (a title on its own line), so they stay; only a CR before them goes.
    private static string SqueezeWhitespace(string text)
    {
        var squeezed = CarriageReturns().Replace(text, "\n");
        squeezed = SpacesOtherThanNewline().Replace(squeezed, " ");
        return SpaceBesideNewline().Replace(squeezed, "\n").Trim();
    }

    [GeneratedRegex(@"\r\n?")]
    private static partial Regex CarriageReturns();

    [GeneratedRegex(@"[^\S\n]+")]
    private static partial Regex SpacesOtherThanNewline();

    [GeneratedRegex(@" ?\n ?")]
    private static partial Regex SpaceBesideNewline();

    [GeneratedRegex(@"(?<=^|\s)https?://\S+\z", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingLink();
}
