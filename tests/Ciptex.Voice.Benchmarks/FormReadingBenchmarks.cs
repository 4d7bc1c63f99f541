using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.WebUtilities;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// Reading the form of an incoming call, as every webhook does first: ASP.NET Core's reader (what
/// <c>Request.ReadFormAsync</c> runs) against the service's own <see cref="WebhookForm"/>. Each reads a fresh copy of
/// the body, since ASP.NET Core's decodes in place.
/// </summary>
[MemoryDiagnoser]
public class FormReadingBenchmarks
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(string.Join('&',
        IncomingCallForm.Fields.Select(field => $"{Uri.EscapeDataString(field.Key)}={Uri.EscapeDataString(field.Value)}")));

    [GlobalSetup]
    public void Setup()
    {
        var expected = IncomingCallForm.Fields.ToDictionary(field => field.Key, field => field.Value);
        var ours = WebhookForm.Parse(new ReadOnlySequence<byte>(Body.ToArray()));
        var theirs = AspNetCoreFormReader().GetAwaiter().GetResult();
        if (expected.Any(field => ours[field.Key] != field.Value || theirs[field.Key] != field.Value))
            throw new InvalidOperationException("The two readers do not read the same fields.");
    }

    [Benchmark(Baseline = true)]
    public async Task<int> AspNetCore() => (await AspNetCoreFormReader()).Count;

    [Benchmark]
    public int Ours() => WebhookForm.Parse(new ReadOnlySequence<byte>(Body.ToArray())).Count;

    private static Task<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>> AspNetCoreFormReader() =>
        new FormPipeReader(PipeReader.Create(new ReadOnlySequence<byte>(Body.ToArray()))).ReadFormAsync();
}
