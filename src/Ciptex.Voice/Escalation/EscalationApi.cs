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
        if (!MatrixInput.TryRead(body.Levels, out var levels, out var errors))
            return TypedResults.ValidationProblem(errors);
        await matrix.ReplaceAsync(levels, ct);
        return TypedResults.Ok(ToDto(levels));
    }

    private static EscalationMatrixDto ToDto(IReadOnlyList<MatrixLevel> levels) =>
        new(levels.Select(l => new EscalationLevelDto(l.Name, [.. l.Phones], l.At)).ToList());
}
