using Ciptex.Voice.Phones;

namespace Ciptex.Voice.Escalation;

/// <summary>
/// Reads an edited escalation matrix. <c>PUT /api/escalation</c> and the dashboard's form both come through here, so
/// they accept and refuse the same matrices, with errors keyed the same way (<c>levels[1].phones[0]</c>).
/// </summary>
public static class MatrixInput
{
    public const int MaxLevels = 10;

    public static bool TryRead(IReadOnlyList<EscalationLevelDto?>? input, out List<MatrixLevel> levels, out Dictionary<string, string[]> errors)
    {
        errors = [];
        levels = [];
        if (input is not { Count: > 0 and <= MaxLevels })
            errors["levels"] = ["Give between 1 and 10 levels."];
        foreach (var (level, i) in (input ?? []).Select((l, i) => (l, i)))
        {
            if (string.IsNullOrWhiteSpace(level?.Name) || level.Name.Length > 200)
                errors[$"levels[{i}].name"] = ["Each level needs a name."];
            if (level?.At is not (>= 0 and <= 10))
                errors[$"levels[{i}].at"] = ["'at' is a fraction of the first-response target between 0 and 10."];
            else if (levels.Count > 0 && level.At < levels[^1].At)
                errors[$"levels[{i}].at"] = ["Levels are listed in the order they are reached: 'at' may not go down."];
            var phones = new List<string>();
            foreach (var (phone, j) in (level?.Phones ?? []).Select((p, j) => (p, j)))
            {
                if (PhoneNumberFormat.TryNormalise(phone, out var e164))
                    phones.Add(e164);
                else
                    errors[$"levels[{i}].phones[{j}]"] = ["Not a valid phone number."];
            }
            if (phones.Count == 0 && !errors.ContainsKey($"levels[{i}].phones[0]"))
                errors[$"levels[{i}].phones"] = ["Each level needs at least one phone."];
            levels.Add(new MatrixLevel(i + 1, level?.Name?.Trim() ?? "", phones.Distinct().ToList(), level?.At ?? 0));
        }
        return errors.Count == 0;
    }
}
