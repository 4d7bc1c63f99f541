namespace Ciptex.Voice.Ivr;

public sealed record OpenIncident(string PageKey, string PageName, string Name, string Status);

/// <summary>The unresolved status-page incidents a caller hears about after the greeting.</summary>
public interface IOpenIncidents
{
    Task<IReadOnlyList<OpenIncident>> GetAsync(CancellationToken cancellationToken);
}

internal sealed class NoOpenIncidents : IOpenIncidents
{
    public Task<IReadOnlyList<OpenIncident>> GetAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OpenIncident>>([]);
}
