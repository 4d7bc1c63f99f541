using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- [BenchmarkDotNet arguments]</c> runs the micro-benchmarks in a short in-process job;
/// <c>dotnet run -c Release -- bare-kestrel --urls http://127.0.0.1:5081</c> serves fixed TwiML for load.sh, and
/// <c>bodies …</c> writes the signed request bodies load.sh posts. For its fan-out step, <c>fake-upstreams --urls …</c>
/// serves a status page and Twilio's Messages endpoint, <c>subscribers …</c> subscribes fictional phones through the
/// admin API and <c>fan-out …</c> publishes an incident and measures what follows.
/// </summary>
public static class BenchmarkMain
{
    public static int Main(string[] args)
    {
        if (args is ["bare-kestrel", .. var rest])
            return BareKestrel.Run(rest);
        if (args is ["bodies", .. var bodies])
            return LoadBodies.Write(bodies);
        if (args is ["fake-upstreams", .. var fakes])
            return FakeUpstreams.Run(fakes);
        if (args is ["subscribers", .. var subscribers])
            return FanOutSubscribers.SeedAsync(subscribers).GetAwaiter().GetResult();
        if (args is ["fan-out", .. var fanOut])
            return FanOutMeasurement.RunAsync(fanOut).GetAwaiter().GetResult();

        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkMain).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
        return 0;
    }
}
