namespace Ciptex.Voice.Tests.Scale;

/// <summary>
/// <c>infra/compose.yaml</c> as Compose itself reads it (<c>config</c> needs no engine): the Compose plugin when the
/// docker CLI has it, else Debian's <c>docker-compose</c>, which <c>.ci/run</c> installs.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["TWILIO_ACCOUNT_SID"] = "ACtest0000000000000000000000000000",
        ["VOICE_PUBLIC_HOST"] = "voice.ciptex.test",
    };

    private static async Task<InfraCommand.Result> ConfigAsync(Dictionary<string, string?> environment)
    {
        if (InfraCommand.OnPath("docker") && (await InfraCommand.RunAsync("docker", ["compose", "version"])).ExitCode == 0)
            return await InfraCommand.RunAsync("docker", ["compose", "-f", "infra/compose.yaml", "config"], environment);
        if (InfraCommand.OnPath("docker-compose"))
            return await InfraCommand.RunAsync("docker-compose", ["-f", "infra/compose.yaml", "config"], environment);
        throw new InvalidOperationException(
            "Neither `docker compose` nor `docker-compose` is installed: `apt-get install --no-install-recommends docker-compose` (as .ci/run does).");
    }

    [Fact]
    public async Task The_compose_file_validates_with_two_replicas_on_postgres_behind_the_proxy()
    {
        var result = await ConfigAsync(Environment);

        Assert.True(result.ExitCode == 0, result.Error);
        var config = result.Output;
        Assert.Contains("replicas: 2", config, StringComparison.Ordinal);
        Assert.Contains("Database__Provider: Postgres", config, StringComparison.Ordinal);
        Assert.Contains("image: postgres:15", config, StringComparison.Ordinal);
        Assert.Contains("image: caddy:2", config, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders__KnownNetworks__0: 10.89.0.0/24", config, StringComparison.Ordinal);
        Assert.Contains("subnet: 10.89.0.0/24", config, StringComparison.Ordinal);
        Assert.Contains("Twilio__PublicBaseUrl: https://voice.ciptex.test", config, StringComparison.Ordinal);
        Assert.Contains("target: Twilio__AuthToken", config, StringComparison.Ordinal);
        Assert.Contains("dockerfile: infra/Dockerfile", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_compose_file_refuses_to_render_without_a_Twilio_account()
    {
        var result = await ConfigAsync(new Dictionary<string, string?>(Environment) { ["TWILIO_ACCOUNT_SID"] = null });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("TWILIO_ACCOUNT_SID", result.Output + result.Error, StringComparison.Ordinal);
    }
}
