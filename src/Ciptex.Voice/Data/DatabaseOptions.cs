using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>The <c>Database</c> section plus <c>ConnectionStrings:Voice</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultConnectionString = "Data Source=ciptex-voice.db";

    /// <summary><c>Sqlite</c> or <c>Postgres</c>; a string so that a typo is reported by the validator, naming the key.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    public DatabaseProvider ParsedProvider =>
        Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) ? provider : DatabaseProvider.Sqlite;

    /// <summary>
    /// The provider and connection string as registration needs them, before the host (and options validation)
    /// exists: the scheduler's store and the DbContext are chosen while services are still being added.
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Read(IConfiguration configuration)
    {
        var provider = string.Equals(configuration[$"{Section}:Provider"], nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;
        return (provider, configuration.GetConnectionString("Voice") ?? DefaultConnectionString);
    }
}

internal sealed class DatabaseOptionsValidator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!Enum.TryParse<DatabaseProvider>(options.Provider, ignoreCase: true, out var provider))
            return ValidateOptionsResult.Fail($"Database:Provider '{options.Provider}' is not one of Sqlite, Postgres.");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("Voice")))
            return ValidateOptionsResult.Fail("ConnectionStrings:Voice is required when Database:Provider is Postgres.");
        return ValidateOptionsResult.Success;
    }
}
