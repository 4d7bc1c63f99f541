namespace Ciptex.Voice.Sms;

/// <summary>
/// Answers <c>TICKET [reference]</c>: the reply line for the sender's own ticket, or null when they have none by that
/// reference. The tickets feature registers the real one; this default knows no tickets.
/// </summary>
public interface ITicketLookup
{
    /// <param name="phone">The sender, E.164.</param>
    /// <param name="reference">Normalised (<c>CIP-000123</c>); null for the sender's latest ticket.</param>
    Task<string?> DescribeAsync(string phone, string? reference, CancellationToken ct);
}

/// <summary>
/// Answers <c>ACK [reference]</c> from an engineer's phone with the reply to send. The escalation feature owns
/// acknowledgement and replaces this default, which acknowledges nothing.
/// </summary>
public interface IPageAcknowledger
{
    Task<string> AcknowledgeAsync(string phone, string? reference, CancellationToken ct);
}

internal sealed class NoTickets : ITicketLookup
{
    public Task<string?> DescribeAsync(string phone, string? reference, CancellationToken ct) => Task.FromResult<string?>(null);
}

internal sealed class NoPagesToAcknowledge : IPageAcknowledger
{
    public Task<string> AcknowledgeAsync(string phone, string? reference, CancellationToken ct) =>
        Task.FromResult("Ciptex Support: there is no page to acknowledge from this number.");
}
