using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.StatusPages;

/// <summary>The <c>StatusPages</c> section (CONTRACT §2): which Statuspage pages are watched and how often.</summary>
public sealed class StatusPagesOptions
{
    public const string Section = "StatusPages";

    /// <summary>Per page. As low as one second must work.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Consecutive failed polls of a page before escalation level 1 is told it is unreachable.</summary>
    public int FailureAlertAfter { get; set; } = 5;

    /// <summary>How long one request to a page may take before the poll counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Empty after binding means the defaults below (binding appends to a list, so they cannot be initial values).</summary>
    public List<StatusPageOptions> Pages { get; set; } = [];

    public static IReadOnlyList<StatusPageOptions> DefaultPages =>
    [
        new() { Key = "twilio", Name = "Twilio", BaseUrl = "https://status.twilio.com" },
        new() { Key = "ciptex", Name = "Ciptex", BaseUrl = "https://status.ciptex.com" },
    ];

    public StatusPageOptions? Find(string key) => Pages.FirstOrDefault(p => p.Key == key);

    /// <summary>The section as configured, defaults applied; what the jobs are registered from before the host is built.</summary>
    public static StatusPagesOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<StatusPagesOptions>() ?? new StatusPagesOptions();
        ApplyDefaults(options);
        return options;
    }

    public static void ApplyDefaults(StatusPagesOptions options)
    {
        if (options.Pages.Count == 0)
            options.Pages.AddRange(DefaultPages);
    }
}

/// <summary>One page: <see cref="Key"/> is what subscriptions name (<c>twilio</c>, <c>ciptex</c>).</summary>
public sealed class StatusPageOptions
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The page's root, e.g. <c>https://status.twilio.com</c>; <c>/api/v2/…</c> is appended.</summary>
    public string BaseUrl { get; set; } = "";

    public Uri BaseUri => new(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
}

internal sealed partial class StatusPagesOptionsValidator : IValidateOptions<StatusPagesOptions>
{
    public ValidateOptionsResult Validate(string? name, StatusPagesOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromSeconds(1))
            failures.Add("StatusPages:PollInterval must be at least 00:00:01.");
        if (options.FailureAlertAfter < 1)
            failures.Add("StatusPages:FailureAlertAfter must be at least 1.");
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
            failures.Add("StatusPages:RequestTimeout must be between 00:00:00.001 and 00:05:00.");
        for (var i = 0; i < options.Pages.Count; i++)
        {
            var page = options.Pages[i];
            if (!PageKey().IsMatch(page.Key))
                failures.Add($"StatusPages:Pages:{i}:Key must be 1 to 40 characters of a-z, 0-9 and '-'.");
            else if (options.Pages.FindIndex(p => p.Key == page.Key) < i)
                failures.Add($"StatusPages:Pages:{i}:Key '{page.Key}' is used by an earlier page.");
            if (string.IsNullOrWhiteSpace(page.Name) || page.Name.Length > 60)
                failures.Add($"StatusPages:Pages:{i}:Name is required (at most 60 characters).");
            if (!IsHttpUrl(page.BaseUrl))
                failures.Add($"StatusPages:Pages:{i}:BaseUrl must be an absolute http or https URL.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex PageKey();
}
