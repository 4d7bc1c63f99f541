using Ciptex.Voice.Ivr;

namespace Ciptex.Voice.StatusPages;

/// <summary>
/// The IVR's question (<see cref="IOpenIncidents"/>: what should a caller hear about after the greeting?) answered
/// from the <see cref="StatusBoard"/>: the most recently updated open incidents, with their status as spoken words.
/// </summary>
internal sealed class IvrOpenIncidents(StatusBoard board) : IOpenIncidents
{
    /// <summary>
    /// Twilio often has several carrier incidents open at once; a caller should not wait through all of them before
    /// reaching the menu. The rest are a text away (<c>STATUS</c>).
    /// </summary>
    public const int MostAnnounced = 3;

    public async Task<IReadOnlyList<OpenIncident>> GetAsync(CancellationToken cancellationToken) =>
        (await board.GetOpenIncidentsAsync(cancellationToken))
            .OrderByDescending(i => i.UpdatedAt)
            .Take(MostAnnounced)
            .Select(i => new OpenIncident(i.PageKey, i.PageName, i.Name, i.StatusWord.ToLowerInvariant()))
            .ToList();
}
