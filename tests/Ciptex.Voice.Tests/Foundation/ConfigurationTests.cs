using System.Diagnostics;

namespace Ciptex.Voice.Tests.Foundation;

/// <summary>The real process, started the way an operator starts it, with one bad setting at a time.</summary>
public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("Twilio__ApiBaseUrl", "not a url", "Twilio:ApiBaseUrl")]
    [InlineData("Twilio__MaxMessagesPerSecond", "0", "Twilio:MaxMessagesPerSecond")]
    [InlineData("Twilio__ValidateRequests", "false", "Twilio:ValidateRequests")]
    [InlineData("Admin__ApiKey", "", "Admin:ApiKey")]
    [InlineData("Database__Provider", "Oracle", "Database:Provider")]
    [InlineData("Support__TimeZone", "Mars/Olympus", "Support:TimeZone")]
    [InlineData("StatusPages__PollInterval", "every minute", "StatusPages:PollInterval")]
    [InlineData("Escalation__CheckInterval", "00:00:00.5", "Escalation:CheckInterval")]
    [InlineData("ForwardedHeaders__KnownProxies__0", "proxy.local", "ForwardedHeaders:KnownProxies")]
    [InlineData("Escalation__Levels__0__Phones__0", "not a phone", "Escalation:Levels:0:Phones:0")]
    public async Task A_bad_setting_stops_the_process_with_one_line_naming_the_key(string variable, string value, string key)
    {
        var (exitCode, stderr) = await RunServiceAsync(new() { [variable] = value });

        Assert.NotEqual(0, exitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines, l => l.Contains(key, StringComparison.Ordinal));
        Assert.StartsWith("Configuration error:", line);
    }

    private static async Task<(int ExitCode, string Stderr)> RunServiceAsync(Dictionary<string, string> overrides)
    {
        var database = Path.Combine(Path.GetTempPath(), $"ciptex-config-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Ciptex.Voice.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Voice"] = $"Data Source={database}";
        start.Environment["Admin__ApiKey"] = "a-production-key-0123456789";
        start.Environment["Twilio__AuthToken"] = "token";
        foreach (var (name, value) in overrides)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The service started although a setting was bad.\n" + await stdout);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(database + suffix);
        }
        return (process.ExitCode, await stderr);
    }
}
