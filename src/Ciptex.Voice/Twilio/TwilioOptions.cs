using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Twilio;

/// <summary>The <c>Twilio</c> configuration section (CONTRACT §2).</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string AccountSid { get; set; } = "";

    /// <summary>REST credentials and the key that webhook signatures are checked with.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>
    /// Optional second key accepted for webhook signatures while the Auth Token is being rotated, so requests
    /// signed with either the old or the new token pass during the switch-over. Leave empty otherwise.
    /// </summary>
    public string SecondaryAuthToken { get; set; } = "";

    public string SupportNumber { get; set; } = "+443458800808";

    /// <summary>When set, outbound SMS are sent through this messaging service instead of <see cref="SupportNumber"/>.</summary>
    public string MessagingServiceSid { get; set; } = "";

    /// <summary>Where every Twilio REST call goes: scheme, host and port are replaced, the path is kept.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The base URL Twilio uses to reach us; empty means the request's own URL after forwarded headers.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public bool ValidateRequests { get; set; } = true;

    /// <summary>Unset means "dry run when credentials are missing".</summary>
    public bool? DryRun { get; set; }

    public int MaxMessagesPerSecond { get; set; } = 10;

    public bool IsDryRun => DryRun ?? (string.IsNullOrEmpty(AccountSid) || string.IsNullOrEmpty(AuthToken));

    /// <summary>The sender identity consent is recorded against: the messaging service when set, else the number.</summary>
    public string Sender => string.IsNullOrEmpty(MessagingServiceSid) ? SupportNumber : MessagingServiceSid;
}

internal sealed class TwilioOptionsValidator(IHostEnvironment environment) : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.ApiBaseUrl))
            failures.Add("Twilio:ApiBaseUrl must be an absolute http or https URL.");
        if (options.PublicBaseUrl.Length > 0 && !IsHttpUrl(options.PublicBaseUrl))
            failures.Add("Twilio:PublicBaseUrl must be empty or an absolute http or https URL.");
        if (options.MaxMessagesPerSecond is < 1 or > 1000)
            failures.Add("Twilio:MaxMessagesPerSecond must be between 1 and 1000.");
        if (!Phones.PhoneNumberFormat.TryNormalise(options.SupportNumber, out _))
            failures.Add("Twilio:SupportNumber must be a phone number in E.164 form.");
        if (!environment.IsDevelopment())
        {
            if (!options.ValidateRequests)
                failures.Add("Twilio:ValidateRequests may be false only in the Development environment.");
            if (string.IsNullOrEmpty(options.AuthToken))
                failures.Add("Twilio:AuthToken is required outside Development: without it every webhook would be refused.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
