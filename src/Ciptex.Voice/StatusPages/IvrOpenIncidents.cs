using Ciptex.Voice.Data;
using Ciptex.Voice.Ivr;

namespace Ciptex.Voice.StatusPages;

/// <summary>
/// The IVR's question (<see cref="IOpenIncidents"/>: what should a caller hear about after the greeting?) answered
/// from the <see cref="StatusBoard"/>: the most recently updated open incidents, with their status as spoken words.
/// Every call asks, and the answer changes only when a poll stores news, so it is kept in memory
/// (<see cref="OpenIncidentsRead"/>).
/// </summary>
internal sealed class IvrOpenIncidents(IServiceScopeFactory scopes, OpenIncidentsRead cache) : IOpenIncidents
{
    /// <summary>
    /// Twilio often has several carrier incidents open at once; a caller should not wait through all of them before
    /// reaching the menu. The rest are a text away (<c>STATUS</c>).
    /// </summary>
    public const int MostAnnounced = 3;

    public ValueTask<IReadOnlyList<OpenIncident>> GetAsync(CancellationToken cancellationToken) =>
        cache.GetAsync(static (incidents, ct) => incidents.LoadAsync(ct), this, cancellationToken);

    // A scope of its own: the answer outlives the request that happens to read it, and a request answered from memory
    // takes no database context from the pool.
    private async Task<IReadOnlyList<OpenIncident>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StatusBoard>().GetOpenIncidentsAsync(cancellationToken))
            .OrderByDescending(i => i.UpdatedAt)
            .Take(MostAnnounced)
            .Select(i => new OpenIncident(i.PageKey, i.PageName, i.Name, i.StatusWord.ToLowerInvariant()))
            .ToList();
    }
}

/// <summary>
/// The open incidents, read again after this process stores a poll, and at least every few seconds for the polls
/// of the other instances of a scaled-out deployment (their pages are polled once a minute).
/// </summary>
internal sealed class OpenIncidentsRead(SavedTables tables, TimeProvider time)
    : CachedRead<IReadOnlyList<OpenIncident>>(tables, time, TimeSpan.FromSeconds(5), typeof(TrackedIncident), typeof(StatusPageState));
