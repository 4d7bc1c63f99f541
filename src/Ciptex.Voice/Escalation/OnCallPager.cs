using Ciptex.Voice.Sms;

namespace Ciptex.Voice.Escalation;

/// <summary>
/// Every text to an engineer goes through here (P1 tickets, P1 hang-ups, major incidents, unreachable status pages,
/// RFO reminders): a level texts its own phones only. Like <see cref="SmsOutbox"/>, it only adds to the caller's
/// unit of work.
/// </summary>
public sealed class OnCallPager(SmsOutbox outbox, EscalationMatrix matrix)
{
    /// <param name="key">Names the event; each phone's message key is <c>{key}:{phone}</c>.</param>
    /// <returns>How many texts were added (zero when the level has no phones or the page was already sent).</returns>
    public async Task<int> PageAsync(int level, string key, string body, string purpose, int priority = MessagePriority.Page,
        string? ticketReference = null, CancellationToken cancellationToken = default)
    {
        var phones = (await LevelAsync(level, cancellationToken))?.Phones ?? [];
        var texts = phones.Select(phone => new OutgoingSms($"{key}:{phone}", phone, body, purpose, priority, ticketReference)).ToList();
        return texts.Count == 0 ? 0 : await outbox.EnqueueManyAsync(texts, cancellationToken);
    }

    /// <summary>The level, numbered from 1, or null when the matrix has no such level.</summary>
    public async Task<MatrixLevel?> LevelAsync(int level, CancellationToken cancellationToken = default) =>
        (await matrix.LevelsAsync(cancellationToken)).FirstOrDefault(l => l.Level == level);
}
