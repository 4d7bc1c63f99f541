using Ciptex.Voice.Sms;

namespace Ciptex.Voice.Tests.Sms;

public class SmsLengthTests
{
    // GSM 03.38 basic table, written out from the standard independently of the production code.
    private const string EveryBasicGsmCharacter =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Emoji = "😀";

    [Fact]
    public void Every_character_of_the_basic_GSM_table_costs_one_septet()
    {
        var length = SmsLength.Of(EveryBasicGsmCharacter);

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 127, 1), length);
    }

    [Theory]
    [InlineData("^")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("\\")]
    [InlineData("[")]
    [InlineData("~")]
    [InlineData("]")]
    [InlineData("|")]
    [InlineData("€")]
    [InlineData("\f")]
    public void Each_extension_character_costs_two_septets(string character)
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 2, 1), SmsLength.Of(character));
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm_text_takes_160_septets_alone_and_153_per_part_when_concatenated(int characters, int segments)
    {
        var length = SmsLength.Of(new string('a', characters));

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, characters, segments), length);
    }

    [Fact]
    public void Eighty_euro_signs_fill_exactly_one_segment()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 160, 1), SmsLength.Of(new string('€', 80)));
    }

    [Fact]
    public void Eighty_one_euro_signs_need_two_segments()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 162, 2), SmsLength.Of(new string('€', 81)));
    }

    [Fact]
    public void A_euro_sign_that_would_straddle_a_part_boundary_moves_whole_to_the_next_part()
    {
        // 306 septets would fill two parts exactly, but the euro sign cannot start in the 153rd septet of part one.
        var text = new string('a', 152) + "€" + new string('a', 152);

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 306, 3), SmsLength.Of(text));
    }

    [Fact]
    public void A_caret_counts_double_towards_the_single_segment_limit()
    {
        Assert.Equal(2, SmsLength.Of(new string('a', 159) + "^").Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void Ucs2_text_takes_70_units_alone_and_67_per_part_when_concatenated(int characters, int segments)
    {
        var length = SmsLength.Of(new string('Ж', characters));

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, characters, segments), length);
    }

    [Fact]
    public void One_emoji_turns_the_whole_text_into_ucs2_and_costs_two_units()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 5, 1), SmsLength.Of("Hi " + Emoji));
    }

    [Fact]
    public void A_surrogate_pair_that_would_straddle_a_part_boundary_moves_whole_to_the_next_part()
    {
        // 134 units would fill two parts exactly, but the emoji cannot be split between units 67 and 68.
        var text = new string('a', 66) + Emoji + new string('a', 66);

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 134, 3), SmsLength.Of(text));
    }

    [Fact]
    public void Lower_case_c_cedilla_is_not_in_the_gsm_table_though_the_capital_is()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsLength.Of("Ç").Encoding);
        Assert.Equal(SmsEncoding.Ucs2, SmsLength.Of("ç").Encoding);
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("\u00a0")]
    [InlineData("…")]
    [InlineData("’")]
    public void Common_look_alikes_of_gsm_characters_force_ucs2(string character)
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsLength.Of("Ticket " + character).Encoding);
    }

    [Fact]
    public void An_empty_text_is_no_segments()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 0, 0), SmsLength.Of(""));
    }
}
