using System.Security.Cryptography;
using System.Text;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>The negative checks of reference/twilio.md §1.6 and the edges of the algorithm.</summary>
public sealed class TwilioSignatureRefusalTests
{
    private const string Token = "12345";
    private const string Base = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private const string V1Signature = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    private static readonly Dictionary<string, StringValues> P = TwilioSignatureVectorTests.P;

    private const string V19Url = Base + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    private const string V19Signature = "a9nBmqA0ju/hNViExpshrM61xv4=";

    [Fact]
    public void A_wrong_signature_is_refused()
    {
        Assert.False(TwilioSignature.IsValid(Base, P, "RSOYDt4T1cUTdK1PDd93/VVr8B9=", Token));
    }

    [Fact]
    public void A_signature_made_with_another_token_is_refused()
    {
        Assert.False(TwilioSignature.IsValid(Base, P, V1Signature, "54321"));
    }

    [Fact]
    public void A_tampered_JSON_body_is_refused_although_the_URL_signature_matches()
    {
        Assert.True(TwilioSignature.IsValidBody(V19Url, """{"property": "value", "boolean": true}"""u8, V19Signature, Token));
        Assert.False(TwilioSignature.IsValidBody(V19Url, """{"property": "value", "boolean": false}"""u8, V19Signature, Token));
    }

    [Fact]
    public void A_JSON_body_without_bodySHA256_in_the_URL_is_refused()
    {
        var signature = TwilioSignature.Compute(Base, form: null, Token);

        Assert.False(TwilioSignature.IsValidBody(Base, """{"property": "value"}"""u8, signature, Token));
    }

    [Fact]
    public void A_URL_with_its_query_reordered_is_refused()
    {
        Assert.False(TwilioSignature.IsValid("https://mycompany.com/myapp.php?bar=2&foo=1", P, V1Signature, Token));
    }

    [Fact]
    public void A_value_with_a_trailing_space_added_is_refused()
    {
        var form = new Dictionary<string, StringValues>(P) { ["Digits"] = "1234 " };

        Assert.False(TwilioSignature.IsValid(Base, form, V1Signature, Token));
    }

    [Fact]
    public void A_field_added_to_the_form_is_refused()
    {
        var form = new Dictionary<string, StringValues>(P) { ["Body"] = "" };

        Assert.False(TwilioSignature.IsValid(Base, form, V1Signature, Token));
    }

    // Twilio never sends the #rc=3 connection-override fragment, so the validator drops it rather than failing.
    [Fact]
    public void A_fragment_left_on_the_URL_is_stripped_before_checking()
    {
        Assert.True(TwilioSignature.IsValid(Base + "#rc=3", P, V1Signature, Token));
        Assert.Equal(V1Signature, TwilioSignature.Compute(Base + "#rc=3&ct=2000", P, Token));
    }

    [Fact]
    public void An_unsupported_signature_algorithm_is_refused()
    {
        Assert.Null(TwilioSignature.AlgorithmFrom("key=KS123,algorithm=HMAC_SHA512"));
        Assert.False(TwilioSignature.IsValid(Base, P, V1Signature, Token, "algorithm=HMAC_SHA512"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("key=KS123")]
    public void Without_an_algorithm_in_the_settings_header_HMAC_SHA1_is_used(string? header)
    {
        Assert.Equal(TwilioSignature.HmacSha1, TwilioSignature.AlgorithmFrom(header));
    }

    [Fact]
    public void An_empty_token_never_validates_and_cannot_sign()
    {
        var signature = Convert.ToBase64String(HMACSHA1.HashData(Array.Empty<byte>(), Encoding.UTF8.GetBytes(Base)));

        Assert.False(TwilioSignature.IsValid(Base, form: null, signature, ""));
        Assert.Throws<ArgumentException>(() => TwilioSignature.Compute(Base, form: null, ""));
    }

    [Fact]
    public void An_explicit_default_port_is_also_tried_without_it()
    {
        Assert.True(TwilioSignature.IsValid("https://mycompany.com:443/myapp.php?foo=1&bar=2", P, V1Signature, Token));
    }

    [Fact]
    public void Names_are_sorted_ordinally_with_upper_case_first()
    {
        var form = new Dictionary<string, StringValues> { ["b"] = "3", ["a"] = "2", ["B"] = "1" };
        var expected = Convert.ToBase64String(HMACSHA1.HashData("12345"u8, Encoding.UTF8.GetBytes(Base + "B1a2b3")));

        Assert.Equal(expected, TwilioSignature.Compute(Base, form, Token));
    }

    [Theory]
    [InlineData("https://[::1]:8443/voice", "https://[::1]/voice")]
    [InlineData("https://[::1]/voice", "https://[::1]:443/voice")]
    [InlineData("https://u:p@host?x=1", "https://u:p@host:443?x=1")]
    [InlineData("http://host:80/voice", "http://host/voice")]
    public void The_port_variant_handles_IPv6_credentials_and_missing_paths(string url, string variant)
    {
        Assert.Equal([url, variant], TwilioUrl.PortVariants(url));
    }
}
