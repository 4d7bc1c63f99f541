namespace Ciptex.Voice.Sla;

/// <summary>The fault categories of the support policy; each has its own time to first response.</summary>
public enum FaultCategory
{
    /// <summary>Business critical: complete loss of a production service, no workaround.</summary>
    P1,

    /// <summary>Degraded service: intermittent issues or reduced quality.</summary>
    P2,

    /// <summary>General issue: product questions, feature requests, development issues.</summary>
    P3,

    /// <summary>Information request: documentation or advice.</summary>
    P4,
}
