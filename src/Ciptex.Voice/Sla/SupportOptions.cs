using System.Globalization;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Sla;

/// <summary>The <c>Support</c> configuration section (CONTRACT §2).</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>
    /// IANA zone whose local clock support hours are read on. The policy says GMT; UK civil time (with British Summer
    /// Time) is the default because that is what the support desk works to; <c>Etc/GMT</c> gives strict GMT.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>Days (<c>yyyy-MM-dd</c>) closed to Production Support in addition to England and Wales bank holidays.</summary>
    public List<DateOnly> ExtraHolidays { get; set; } = [];

    /// <summary>Finds the configured zone; Windows zone names are refused so the setting means the same on every host.</summary>
    internal static bool TryFindIanaZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found) || !found.HasIanaId)
            return false;
        zone = found;
        return true;
    }
}

/// <summary>
/// Checks the zone, and the raw <c>ExtraHolidays</c> values too: the configuration binder silently drops a list item it
/// cannot convert, and would read <c>01/02/2026</c> American-style.
/// </summary>
internal sealed class SupportOptionsValidator(IConfiguration configuration) : IValidateOptions<SupportOptions>
{
    public ValidateOptionsResult Validate(string? name, SupportOptions options)
    {
        var failures = new List<string>();
        if (!SupportOptions.TryFindIanaZone(options.TimeZone, out _))
            failures.Add($"Support:TimeZone '{options.TimeZone}' is not a known IANA time zone.");

        var holidays = configuration.GetSection($"{SupportOptions.Section}:{nameof(SupportOptions.ExtraHolidays)}");
        if (holidays.Value is { Length: > 0 })
            failures.Add($"{holidays.Path} must be a list of dates ({holidays.Path}:0, {holidays.Path}:1, …), not a single value.");
        foreach (var holiday in holidays.GetChildren())
        {
            if (!DateOnly.TryParseExact(holiday.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                failures.Add($"{holiday.Path} '{holiday.Value}' is not a date in yyyy-MM-dd form.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
