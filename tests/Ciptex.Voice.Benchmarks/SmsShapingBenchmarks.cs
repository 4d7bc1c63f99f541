using BenchmarkDotNet.Attributes;
using Ciptex.Voice.Sms;

namespace Ciptex.Voice.Benchmarks;

/// <summary>Shaping texts for the segment budget: the common short text, and the long ones that must be cut.</summary>
[MemoryDiagnoser]
public class SmsShapingBenchmarks
{
    private const string Link = " https://status.ciptex.example/incidents/abc123";

    private static readonly string Short =
        "Ciptex support: ticket CIP-000123 logged as P2. An engineer will respond by 13:30 today. Reply ACK CIP-000123.";

    private static readonly string LongWithLink =
        string.Concat(Enumerable.Repeat("Twilio reports delayed SMS delivery to UK mobile networks while they investigate. ", 8)) + Link;

    private static readonly string LongUnicode =
        string.Concat(Enumerable.Repeat("Mise à jour : le fournisseur signale des retards ✓ sur les réseaux mobiles. ", 8));

    [Benchmark(Baseline = true)]
    public ShapedSms ShortGsm7() => SmsText.Shape(Short);

    [Benchmark]
    public ShapedSms LongGsm7KeepingLink() => SmsText.Shape(LongWithLink);

    [Benchmark]
    public ShapedSms LongUcs2() => SmsText.Shape(LongUnicode);
}
