using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Escalation;

public sealed record MatrixLevel(int Level, string Name, IReadOnlyList<string> Phones, double At);

/// <summary>The escalation matrix: what the API saved, else the configured default.</summary>
public sealed class EscalationMatrix(VoiceDbContext db, IOptionsMonitor<EscalationOptions> options)
{
    public async Task<IReadOnlyList<MatrixLevel>> LevelsAsync(CancellationToken ct)
    {
        var stored = await db.Set<EscalationLevel>().AsNoTracking().OrderBy(l => l.Level).ToListAsync(ct);
        if (stored.Count > 0)
            return stored.Select(l => new MatrixLevel(l.Level, l.Name, l.Phones, l.At)).ToList();
        return options.CurrentValue.Levels
            .Select((l, i) => new MatrixLevel(i + 1, l.Name, Normalise(l.Phones), l.At))
            .ToList();
    }

    public async Task ReplaceAsync(IReadOnlyList<MatrixLevel> levels, CancellationToken ct)
    {
        db.RemoveRange(await db.Set<EscalationLevel>().ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.AddRange(levels.Select(l => new EscalationLevel { Level = l.Level, Name = l.Name, Phones = [.. l.Phones], At = l.At }));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether the phone is on any level: only such phones may acknowledge by text.</summary>
    public async Task<MatrixLevel?> LevelOfPhoneAsync(string phone, CancellationToken ct) =>
        (await LevelsAsync(ct)).FirstOrDefault(l => l.Phones.Contains(phone));

    private static List<string> Normalise(IEnumerable<string> phones) =>
        phones.Select(p => PhoneNumberFormat.TryNormalise(p, out var e164) ? e164 : null).OfType<string>().Distinct().ToList();
}
