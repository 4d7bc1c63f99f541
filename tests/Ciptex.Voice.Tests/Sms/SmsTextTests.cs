using Ciptex.Voice.Sms;

namespace Ciptex.Voice.Tests.Sms;

public class SmsTextTests
{
    private const string Link = "https://status.ciptex.com/incidents/8x7k2m";

    // "Update 1 ", "Update 2 ", … : words of different lengths, so a cut at a fixed length would land mid-word.
    private static string Words(int count, string word = "Update") =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"{word} {i}"));

    [Fact]
    public void A_text_that_fits_is_returned_unchanged()
    {
        const string text = "CIP-000123: we have your call  and will ring back\nwithin 1 hour.";

        var shaped = SmsText.Shape(text);

        Assert.Equal(new ShapedSms(text, SmsEncoding.Gsm7, 1, WasShortened: false), shaped);
    }

    [Fact]
    public void Exactly_three_full_gsm_parts_fit_without_a_cut()
    {
        var text = new string('a', 200) + " " + new string('b', 258);

        var shaped = SmsText.Shape(text);

        Assert.Equal(new ShapedSms(text, SmsEncoding.Gsm7, 3, WasShortened: false), shaped);
    }

    [Fact]
    public void One_septet_over_three_parts_is_cut_on_the_last_whole_word_with_an_ellipsis()
    {
        var text = new string('a', 200) + " " + new string('b', 259);

        var shaped = SmsText.Shape(text);

        Assert.Equal(new ShapedSms(new string('a', 200) + "...", SmsEncoding.Gsm7, 2, WasShortened: true), shaped);
    }

    [Fact]
    public void A_cut_keeps_as_many_whole_words_as_fit_and_no_part_of_the_next()
    {
        var text = Words(100);

        var shaped = SmsText.Shape(text);

        var kept = shaped.Text[..^"...".Length];
        Assert.EndsWith("...", shaped.Text);
        Assert.StartsWith(kept, text);
        Assert.Equal(' ', text[kept.Length]);
        var nextWordEnd = text.IndexOf(' ', kept.Length + 1);
        Assert.True(SmsLength.Of(text[..nextWordEnd] + "...").Segments > 3, "the next word would have fitted");
        Assert.Equal(3, shaped.Segments);
    }

    [Fact]
    public void A_cut_gsm_text_ends_with_three_dots_so_it_stays_gsm()
    {
        var shaped = SmsText.Shape(Words(100));

        Assert.Equal(SmsEncoding.Gsm7, shaped.Encoding);
        Assert.True(shaped.Text.Length > 400, $"only {shaped.Text.Length} characters kept");
    }

    [Fact]
    public void A_cut_ucs2_text_ends_with_the_ellipsis_character_within_three_ucs2_parts()
    {
        var shaped = SmsText.Shape(Words(60, "Обновление"));

        Assert.EndsWith("…", shaped.Text);
        Assert.DoesNotContain("...", shaped.Text);
        Assert.Equal(SmsEncoding.Ucs2, shaped.Encoding);
        Assert.InRange(shaped.Text.Length, 180, 201);
        Assert.Equal(3, shaped.Segments);
    }

    [Fact]
    public void A_non_gsm_character_beyond_the_cut_does_not_make_the_kept_text_ucs2()
    {
        var shaped = SmsText.Shape(Words(100) + " 😀");

        Assert.Equal(SmsEncoding.Gsm7, shaped.Encoding);
        Assert.DoesNotContain("😀", shaped.Text);
    }

    [Fact]
    public void A_trailing_link_is_kept_whole_and_the_words_before_it_are_cut()
    {
        var shaped = SmsText.Shape("Twilio incident: " + Words(100) + " " + Link);

        Assert.EndsWith("... " + Link, shaped.Text);
        Assert.StartsWith("Twilio incident: Update 1 Update 2", shaped.Text);
        Assert.Equal(3, shaped.Segments);
        Assert.True(shaped.WasShortened);
    }

    [Fact]
    public void A_trailing_link_on_its_own_line_stays_on_its_own_line()
    {
        var shaped = SmsText.Shape(Words(100) + "\n" + Link);

        Assert.EndsWith("...\n" + Link, shaped.Text);
    }

    [Fact]
    public void A_link_in_the_middle_is_ordinary_text()
    {
        var shaped = SmsText.Shape(Words(10) + " " + Link + " " + Words(100));

        Assert.Contains(Link, shaped.Text);
        Assert.EndsWith("...", shaped.Text);
    }

    [Fact]
    public void A_single_word_longer_than_the_room_is_cut_inside_it()
    {
        var shaped = SmsText.Shape(new string('x', 600));

        Assert.Equal(new ShapedSms(new string('x', 456) + "...", SmsEncoding.Gsm7, 3, WasShortened: true), shaped);
    }

    [Fact]
    public void A_huge_word_after_short_ones_is_cut_inside_rather_than_wasting_the_room()
    {
        var shaped = SmsText.Shape("Token: " + new string('x', 600));

        Assert.Equal("Token: " + new string('x', 449) + "...", shaped.Text);
    }

    [Fact]
    public void A_cut_inside_a_word_never_splits_a_surrogate_pair()
    {
        var shaped = SmsText.Shape(string.Concat(Enumerable.Repeat("😀", 150)));

        // A 67-unit part holds 33 emoji, not 33.5: three parts take 99 and the ellipsis.
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 99)) + "…", shaped.Text);
        Assert.Equal(3, shaped.Segments);
    }

    [Fact]
    public void Punctuation_left_dangling_at_the_cut_is_dropped_before_the_ellipsis()
    {
        var shaped = SmsText.Shape(string.Join(' ', Enumerable.Repeat("delayed,", 80)));

        Assert.EndsWith("delayed...", shaped.Text);
    }

    [Fact]
    public void A_text_too_long_only_because_of_tabs_and_doubled_spaces_is_squeezed_not_cut()
    {
        var text = string.Join("\t\t", Enumerable.Repeat("Incident", 40));

        var shaped = SmsText.Shape(text);

        Assert.Equal(string.Join(' ', Enumerable.Repeat("Incident", 40)), shaped.Text);
        Assert.Equal(SmsEncoding.Gsm7, shaped.Encoding);
        Assert.Equal(3, shaped.Segments);
        Assert.True(shaped.WasShortened);
    }

    [Fact]
    public void Squeezing_keeps_newlines_but_drops_carriage_returns_and_spaces_around_them()
    {
        var shaped = SmsText.Shape("Twilio status  \r\n\r\n   " + Words(100));

        Assert.StartsWith("Twilio status\n\nUpdate 1 Update 2", shaped.Text);
    }

    [Fact]
    public void A_smaller_budget_is_respected()
    {
        var shaped = SmsText.Shape(Words(100), maxSegments: 1);

        Assert.Equal(1, shaped.Segments);
        Assert.InRange(shaped.Text.Length, 145, 160);
    }

    [Fact]
    public void A_link_too_long_for_the_budget_is_cut_like_any_other_text()
    {
        var shaped = SmsText.Shape("See " + Link + "/" + new string('x', 200), maxSegments: 1);

        Assert.Equal(1, shaped.Segments);
        Assert.StartsWith("See " + Link, shaped.Text);
    }

    [Fact]
    public void A_budget_below_one_segment_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmsText.Shape("Hello", maxSegments: 0));
    }
}
