using Ciptex.Voice.Phones;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ciptex.Voice.Escalation;

public sealed record EscalationLevelDto(string? Name, List<string>? Phones, double? At);

public sealed record EscalationMatrixDto(List<EscalationLevelDto>? Levels);

internal static class EscalationApi
{
    public static RouteGroupBuilder MapEscalation(this RouteGroupBuilder api)
    {
        api.MapGet("/escalation", async (EscalationMatrix matrix, CancellationToken ct) => TypedResults.Ok(ToDto(await matrix.LevelsAsync(ct))));
        api.MapPut("/escalation", ReplaceAsync);
        return api;
    }

    private static async Task<Results<Ok<EscalationMatrixDto>, ValidationProblem>> ReplaceAsync(
        EscalationMatrixDto body, EscalationMatrix matrix, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var levels = new List<MatrixLevel>();
        if (body.Levels is not { Count: > 0 and <= 10 })
            errors["levels"] = ["Give between 1 and 10 levels."];
        foreach (var (level, i) in (body.Levels ?? []).Select((l, i) => (l, i)))
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
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);
        await matrix.ReplaceAsync(levels, ct);
        return TypedResults.Ok(ToDto(levels));
    }

    private static EscalationMatrixDto ToDto(IReadOnlyList<MatrixLevel> levels) =>
        new(levels.Select(l => new EscalationLevelDto(l.Name, [.. l.Phones], l.At)).ToList());
}
