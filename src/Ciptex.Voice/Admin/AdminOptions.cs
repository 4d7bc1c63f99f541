using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Admin;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>Required as the <c>X-Api-Key</c> header on <c>/api/*</c>. Empty is allowed only in Development, where the API is then open.</summary>
    public string ApiKey { get; set; } = "";
}

internal sealed class AdminOptionsValidator(IHostEnvironment environment) : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        string.IsNullOrEmpty(options.ApiKey) && !environment.IsDevelopment()
            ? ValidateOptionsResult.Fail("Admin:ApiKey is required outside the Development environment.")
            : options.ApiKey.Length is > 0 and < 16
                ? ValidateOptionsResult.Fail("Admin:ApiKey must be at least 16 characters.")
                : ValidateOptionsResult.Success;
}
