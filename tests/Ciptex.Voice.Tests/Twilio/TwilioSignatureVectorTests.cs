using System.Text;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>The official test vectors V1–V24 of reference/twilio.md §1.6 (there is no V3).</summary>
public sealed class TwilioSignatureVectorTests
{
    private const string Token = "12345";
    private const string Base = "https://mycompany.com/myapp.php?foo=1&bar=2";

    // Inserted out of order on purpose, as in the official suites.
    internal static readonly Dictionary<string, StringValues> P = new()
    {
        ["CallSid"] = "CA1234567890ABCDE",
        ["From"] = "+14158675309",
        ["Digits"] = "1234",
        ["To"] = "+18005551212",
        ["Caller"] = "+14158675309",
    };

    private static readonly byte[] JsonBody = Encoding.UTF8.GetBytes("""{"property": "value", "boolean": true}""");
    private const string JsonHash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";

    [Theory]
    [InlineData("V1", Base, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("V2 https signed with :443", Base, "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("V4 http signed with :80", "http://mycompany.com/myapp.php?foo=1&bar=2", "0ZXoZLH/DfblKGATFgpif+LLRf4=")]
    [InlineData("V5 custom http port", "http://mycompany.com:1234/myapp.php?foo=1&bar=2", "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=")]
    [InlineData("V6 custom https port", "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "CYn1h0gLBdNxDGkKJg6hYohgeD8=")]
    [InlineData("V6b custom port signed without it", "https://mycompany.com:1234/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("V7 mixed-case host", "https://MyCompany.com/myapp.php?foo=1&bar=2", "g9IN/x4Cft2g517EjYvEvM/W7LU=")]
    [InlineData("V8 mixed-case host with port", "https://MyCompany.com:1234/myapp.php?foo=1&bar=2", "PCqOZm8cnu/L6+u5i5fuEd+Iac4=")]
    [InlineData("V9 mixed-case host over http", "http://MyCompany.com/myapp.php?foo=1&bar=2", "XY7AlKOKL6im4yWyX84gldUrtis=")]
    [InlineData("V10 credentials", "http://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "PJ08CxXr7KLPjEQCTc8LkUSMwSM=")]
    [InlineData("V11 upper-case scheme", "HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2", "hy/l8pca+LFms4cvRdv8uiP6NGc=")]
    [InlineData("V12 mixed-case credentials", "http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2", "SkTSKyDJH9kUlhItI0slbgZ1UsI=")]
    [InlineData("V13 https credentials", "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "CukzLTc1tT5dXEDIHm/tKBanW10=")]
    [InlineData("V14 user name only", "https://user@mycompany.com/myapp.php?foo=1&bar=2", "2YRLlVAflCqxaNicjMpJcSTgzSs=")]
    [InlineData("V15 credentials signed with :443", "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2", "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=")]
    [InlineData("V16 escaped apostrophe", Base + "&Body=It%27s+amazing", "TfZzewPq8wqrGlMfyAud8+/IvJ0=")]
    public void A_form_post_signed_by_Twilio_is_accepted(string vector, string url, string signature)
    {
        Assert.True(TwilioSignature.IsValid(url, P, signature, Token), vector);
    }

    [Theory]
    [InlineData("+1325xxxxxxx", "+1415xxxxxxx")]
    [InlineData("+1415xxxxxxx", "+1325xxxxxxx")]
    public void V17_a_repeated_name_contributes_each_value_in_ordinal_order(string first, string second)
    {
        var form = new Dictionary<string, StringValues> { ["MessagingBinding.Address"] = new([first, second]) };

        Assert.True(TwilioSignature.IsValid(Base, form, "83O6e2vORAoJHUNzJjDWN1jz+BA=", Token));
    }

    [Fact]
    public void V18_repeated_values_are_deduplicated_and_sorted()
    {
        var form = new Dictionary<string, StringValues>
        {
            ["Sid"] = "CA123",
            ["SidAccount"] = "AC123",
            ["Digits"] = new(["5678", "1234", "1234"]),
        };

        Assert.True(TwilioSignature.IsValid(Base, form, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", Token));
    }

    [Fact]
    public void V18_holds_when_the_repeats_arrive_as_separate_pairs()
    {
        KeyValuePair<string, StringValues>[] form =
            [new("Digits", "5678"), new("SidAccount", "AC123"), new("Digits", "1234"), new("Sid", "CA123"), new("Digits", "1234")];

        Assert.True(TwilioSignature.IsValid(Base, form, "IK+Dwps556ElfBT0I3Rgjkr1wJU=", Token));
    }

    [Theory]
    [InlineData("V19", Base + "&bodySHA256=" + JsonHash, "a9nBmqA0ju/hNViExpshrM61xv4=")]
    [InlineData("V20 only the hash", "https://mycompany.com/myapp.php?bodySHA256=" + JsonHash, "y77kIzt2vzLz71DgmJGsen2scGs=")]
    public void A_JSON_body_is_accepted_when_its_hash_and_the_URL_signature_match(string vector, string url, string signature)
    {
        Assert.True(TwilioSignature.IsValidBody(url, JsonBody, signature, Token), vector);
    }

    [Fact]
    public void V21_an_empty_JSON_object_signed_with_the_default_port_is_accepted()
    {
        var url = Base + "&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

        Assert.True(TwilioSignature.IsValidBody(url, "{}"u8, "Ldidvp12m26NI7eqEvxnEpkd9Hc=", Token));
    }

    [Fact]
    public void V22_the_twilio_aspnet_inputs_give_the_same_signature()
    {
        var form = new Dictionary<string, StringValues> { ["From"] = "+1234567890", ["Body"] = "Ahoy!" };

        var signature = TwilioSignature.Compute("https://example.localhost/sms", form, "My Twilio:RequestValidation:AuthToken");

        Assert.Equal("obhypHZXTJ1HNYJsicdKdPvURXk=", signature);
    }

    [Fact]
    public void V23_a_GET_webhook_is_signed_over_its_URL_alone()
    {
        Assert.True(TwilioSignature.IsValid(
            "https://example.com/voice?CallSid=CA123&From=%2B14155551212", form: null, "ByGZ1sbMX9kxdZe/QE0Z0jW1Nks=", Token));
    }

    [Fact]
    public void V24_the_signature_settings_header_selects_HMAC_SHA256()
    {
        const string signature = "033hgUJA9M/hXIZsYjwkerEP/DBm35nEri5FhCYjA5s=";

        Assert.True(TwilioSignature.IsValid(Base, P, signature, Token, "key=KS123,algorithm=HMAC_SHA256"));
        Assert.False(TwilioSignature.IsValid(Base, P, signature, Token));
        Assert.Equal(signature, TwilioSignature.Compute(Base, P, Token, TwilioSignature.HmacSha256));
    }

    [Fact]
    public void Compute_reproduces_the_canonical_vector()
    {
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.Compute(Base, P, Token));
    }

    [Fact]
    public void WithBodyHash_appends_the_hash_Twilio_adds_to_JSON_webhooks()
    {
        Assert.Equal(Base + "&bodySHA256=" + JsonHash, TwilioSignature.WithBodyHash(Base, JsonBody));
    }
}
