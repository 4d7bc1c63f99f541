using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Escalation;

/// <summary>The <c>Escalation</c> section: the default escalation matrix and how often tickets are checked.</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalation";

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public List<EscalationLevelOptions> Levels { get; set; } = [];
}

public sealed class EscalationLevelOptions
{
    public string Name { get; set; } = "";
    public List<string> Phones { get; set; } = [];

    /// <summary>The fraction of a ticket's first-response target at which this level is texted.</summary>
    public double At { get; set; }
}

internal sealed class EscalationOptionsValidator : IValidateOptions<EscalationOptions>
{
    public ValidateOptionsResult Validate(string? name, EscalationOptions options)
    {
        var failures = new List<string>();
        if (options.CheckInterval < TimeSpan.FromSeconds(1))
            failures.Add("Escalation:CheckInterval must be at least 00:00:01.");
        for (var i = 0; i < options.Levels.Count; i++)
        {
            var level = options.Levels[i];
            if (string.IsNullOrWhiteSpace(level.Name))
                failures.Add($"Escalation:Levels:{i}:Name is required.");
            if (level.At is < 0 or > 10 || double.IsNaN(level.At))
                failures.Add($"Escalation:Levels:{i}:At must be between 0 and 10 (a fraction of the first-response target).");
            for (var j = 0; j < level.Phones.Count; j++)
                if (!Phones.PhoneNumberFormat.TryNormalise(level.Phones[j], out _))
                    failures.Add($"Escalation:Levels:{i}:Phones:{j} is not a phone number.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
