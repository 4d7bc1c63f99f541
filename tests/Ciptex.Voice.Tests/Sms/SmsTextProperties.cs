using Ciptex.Voice.Sms;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ciptex.Voice.Tests.Sms;

public class SmsTextProperties
{
    private const string Link = "https://status.ciptex.com/i/8x7k2m";

    // Pieces chosen to hit the edges: extension characters, non-GSM letters, emoji, odd whitespace, links.
    private static readonly string[] Pieces =
    [
        "a", "Ticket", "CIP-000123", "incident,", "resolved.", "€", "^", "{x}", "é", "Ж", "ç", "😀", "…",
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00a0", Link,
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Choose(0, 400)
            .SelectMany(count => Gen.ArrayOf(Gen.Elements(Pieces), count))
            .Select(string.Concat)
            .ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Shape_never_exceeds_three_segments_and_reports_what_it_returns() =>
        Prop.ForAll(Texts(), text =>
        {
            var shaped = SmsText.Shape(text);
            var actual = SmsLength.Of(shaped.Text);
            return shaped.Segments <= SmsText.MaxSegments
                && shaped.Segments == actual.Segments
                && shaped.Encoding == actual.Encoding;
        });

    [Property(MaxTest = 300)]
    public Property Shape_returns_the_text_unchanged_unless_it_says_it_shortened_it() =>
        Prop.ForAll(Texts(), text =>
        {
            var shaped = SmsText.Shape(text);
            var fits = SmsLength.Of(text).Segments <= SmsText.MaxSegments;
            return shaped.WasShortened ? !fits && shaped.Text != text : fits && shaped.Text == text;
        });

    [Property(MaxTest = 300)]
    public Property A_shortened_text_keeps_its_trailing_link() =>
        Prop.ForAll(Texts(), text =>
        {
            var shaped = SmsText.Shape(text);
            var endsWithLink = text.TrimEnd().EndsWith(" " + Link, StringComparison.Ordinal);
            return !(shaped.WasShortened && endsWithLink) || shaped.Text.EndsWith(Link, StringComparison.Ordinal);
        });

    [Property(MaxTest = 500)]
    public bool Shape_copes_with_any_string_at_all(NonNull<string> text) =>
        SmsText.Shape(text.Get).Segments <= SmsText.MaxSegments;
}
