namespace Ciptex.Voice.Deployment;

internal static class SecretFiles
{
    public const string DefaultDirectory = "/run/secrets";

    /// <summary>
    /// Docker and compose secrets arrive as files, one per key: a file named <c>Twilio__AuthToken</c> under
    /// <c>/run/secrets</c> is <c>Twilio:AuthToken</c>. Read after the environment, so a secret file wins over a
    /// variable of the same name; tokens then never appear in the container's environment or <c>docker inspect</c>.
    /// <c>SecretsDirectory</c> moves the folder; a missing folder is simply no secrets.
    /// </summary>
    public static WebApplicationBuilder AddSecretFiles(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration["SecretsDirectory"] ?? DefaultDirectory;
        if (Directory.Exists(directory))
            builder.Configuration.AddKeyPerFile(directory, optional: true);
        return builder;
    }
}
