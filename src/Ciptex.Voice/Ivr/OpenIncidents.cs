namespace Ciptex.Voice.Ivr;

public sealed record OpenIncident(string PageKey, string PageName, string Name, string Status);

/// <summary>The unresolved status-page incidents a caller hears about after the greeting.</summary>
public interface IOpenIncidents
{
    ValueTask<IReadOnlyList<OpenIncident>> GetAsync(CancellationToken cancellationToken);
}

internal sealed class NoOpenIncidents : IOpenIncidents
{
    public ValueTask<IReadOnlyList<OpenIncident>> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<OpenIncident>>([]);
}
