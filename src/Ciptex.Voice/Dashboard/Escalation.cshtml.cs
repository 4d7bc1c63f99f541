using System.Globalization;
using Ciptex.Voice.Escalation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciptex.Voice.Dashboard;

/// <summary>One row of the matrix form, as typed: phones one per line (or comma-separated), <c>at</c> as a decimal.</summary>
public sealed class LevelInput
{
    public string? Name { get; set; }
    public string? Phones { get; set; }
    public string? At { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Phones) && string.IsNullOrWhiteSpace(At);

    public EscalationLevelDto ToDto() => new(Name,
        (Phones ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        double.TryParse(At, NumberStyles.Float, CultureInfo.InvariantCulture, out var at) && double.IsFinite(at) ? at : null);

    public static LevelInput From(MatrixLevel level) =>
        new() { Name = level.Name, Phones = string.Join('\n', level.Phones), At = level.At.ToString("0.###", CultureInfo.InvariantCulture) };
}

/// <summary>
/// The escalation matrix, editable. A saved matrix goes through <see cref="MatrixInput"/>, the reader behind
/// <c>PUT /api/escalation</c>, so the form accepts exactly what the API accepts. A blank row is how a level is removed.
/// </summary>
public sealed class EscalationModel(EscalationMatrix matrix) : PageModel
{
    [BindProperty]
    public List<LevelInput> Levels { get; set; } = [];

    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Levels = (await matrix.LevelsAsync(ct)).Select(LevelInput.From).ToList();
        Levels.Add(new LevelInput());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Levels = Levels.Where(l => !l.IsBlank).ToList();
        if (!MatrixInput.TryRead(Levels.Select(l => l.ToDto()).ToList(), out var levels, out var errors))
        {
            Errors = errors;
            Levels.Add(new LevelInput());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await matrix.ReplaceAsync(levels, ct);
        return RedirectToPage(new { saved = true });
    }

    /// <summary>The errors for one field of row <paramref name="index"/>, under the API's keys (<c>levels[0].phones[1]</c> counts as phones).</summary>
    public IEnumerable<string> ErrorsFor(int index, string field) =>
        Errors.Where(e => e.Key == $"levels[{index}].{field}" || e.Key.StartsWith($"levels[{index}].{field}[", StringComparison.Ordinal))
            .SelectMany(e => e.Value).Distinct();
}
