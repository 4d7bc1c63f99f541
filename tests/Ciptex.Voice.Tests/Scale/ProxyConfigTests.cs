namespace Ciptex.Voice.Tests.Scale;

/// <summary><c>infra/Caddyfile</c> as Caddy itself reads it: <c>caddy validate</c> loads every module without serving.</summary>
public sealed class ProxyConfigTests
{
    [Fact]
    public async Task The_proxy_configuration_is_one_Caddy_accepts()
    {
        if (!InfraCommand.OnPath("caddy"))
            throw new InvalidOperationException("caddy is not installed: `apt-get install --no-install-recommends caddy` (as .ci/run does).");

        var result = await InfraCommand.RunAsync("caddy", ["validate", "--config", "infra/Caddyfile", "--adapter", "caddyfile"],
            new Dictionary<string, string?> { ["VOICE_PUBLIC_HOST"] = "voice.ciptex.test" });

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Valid configuration", result.Output + result.Error, StringComparison.Ordinal);
    }
}
