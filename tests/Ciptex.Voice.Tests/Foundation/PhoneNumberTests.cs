using Ciptex.Voice.Logging;
using Ciptex.Voice.Phones;

namespace Ciptex.Voice.Tests.Foundation;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("07700 900123", "+447700900123")]
    [InlineData("+44 7700 900123", "+447700900123")]
    [InlineData("0044 7700 900123", "+447700900123")]
    [InlineData("020 7946 0001", "+442079460001")]
    [InlineData("+1 415 867 5309", "+14158675309")]
    public void National_and_international_forms_become_E164(string input, string expected)
    {
        Assert.True(PhoneNumberFormat.TryNormalise(input, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("0770090")]
    [InlineData("+44")]
    [InlineData("client:alice")]
    public void Unparseable_numbers_are_refused(string input) => Assert.False(PhoneNumberFormat.TryNormalise(input, out _));

    [Theory]
    [InlineData("+447700900123", true)]
    [InlineData("+442079460001", false)]
    public void Mobiles_are_told_apart_from_landlines(string number, bool mobile) => Assert.Equal(mobile, PhoneNumberFormat.IsMobile(number));

    [Fact]
    public void Logged_text_never_carries_a_whole_phone_number() =>
        Assert.Equal("call from +44770090**** to +44345880****", PhoneNumberMaskingEnricher.Mask("call from +447700900123 to +443458800808"));
}
