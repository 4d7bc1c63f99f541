using BenchmarkDotNet.Attributes;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Benchmarks;

/// <summary>Checking X-Twilio-Signature on the form of an incoming call, as the webhook filter does for every request.</summary>
[MemoryDiagnoser]
public class SignatureBenchmarks
{
    private const string Token = "bench-auth-token-0123456789abcdef";
    private const string Url = "https://voice.ciptex.example/twilio/voice/incoming";
    private Dictionary<string, StringValues> form = null!;
    private string sha1 = "";
    private string sha256 = "";

    [GlobalSetup]
    public void Setup()
    {
        form = IncomingCallForm.Fields.ToDictionary(field => field.Key, field => new StringValues(field.Value));
        sha1 = TwilioSignature.Compute(Url, form, Token);
        sha256 = TwilioSignature.Compute(Url, form, Token, TwilioSignature.HmacSha256);
        if (!TwilioSignature.IsValid(Url, form, sha1, Token))
            throw new InvalidOperationException("The benchmark's own signature does not validate.");
    }

    [Benchmark(Baseline = true)]
    public bool ValidHmacSha1() => TwilioSignature.IsValid(Url, form, sha1, Token);

    [Benchmark]
    public bool ValidHmacSha256() =>
        TwilioSignature.IsValid(Url, form, sha256, Token, "key=webhook,algorithm=" + TwilioSignature.HmacSha256);

    [Benchmark]
    public bool Forged() => TwilioSignature.IsValid(Url, form, "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==", Token);
}

/// <summary>The fields Twilio posts when a call comes in (reference/twilio.md), from a known caller.</summary>
public static class IncomingCallForm
{
    public static IReadOnlyList<KeyValuePair<string, string>> Fields { get; } =
    [
        new("AccountSid", "AC00000000000000000000000000000000"),
        new("ApiVersion", "2010-04-01"),
        new("CallSid", "CA0123456789abcdef0123456789abcdef"),
        new("CallStatus", "ringing"),
        new("Called", "+443458800808"),
        new("CalledCountry", "GB"),
        new("Caller", "+447700900123"),
        new("CallerCountry", "GB"),
        new("Direction", "inbound"),
        new("From", "+447700900123"),
        new("FromCountry", "GB"),
        new("To", "+443458800808"),
        new("ToCountry", "GB"),
    ];
}
