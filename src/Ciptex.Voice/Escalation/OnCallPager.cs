using Ciptex.Voice.Phones;
using Ciptex.Voice.Sms;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Escalation;

/// <summary>
/// Every text to an engineer goes through here (P1 tickets, P1 hang-ups, major incidents, unreachable status pages):
/// a level texts its own phones only. Like <see cref="SmsOutbox"/>, it only adds to the caller's unit of work.
/// </summary>
public sealed class OnCallPager(SmsOutbox outbox, IOptionsMonitor<EscalationOptions> options)
{
    /// <param name="key">Names the event; each phone's message key is <c>{key}:{phone}</c>.</param>
    /// <returns>How many texts were added (zero when the level has no phones or the page was already sent).</returns>
    public async Task<int> PageAsync(int level, string key, string body, string purpose, int priority = MessagePriority.Page,
        string? ticketReference = null, CancellationToken cancellationToken = default)
    {
        var phones = PhonesOf(level);
        var texts = phones.Select(phone => new OutgoingSms($"{key}:{phone}", phone, body, purpose, priority, ticketReference)).ToList();
        return texts.Count == 0 ? 0 : await outbox.EnqueueManyAsync(texts, cancellationToken);
    }

    /// <summary>The level's name ("On-call engineer"), numbered from 1.</summary>
    public string NameOf(int level)
    {
        var levels = options.CurrentValue.Levels;
        return level >= 1 && level <= levels.Count ? levels[level - 1].Name : $"Level {level}";
    }

    /// <summary>The E.164 phones of a level, numbered from 1.</summary>
    public IReadOnlyList<string> PhonesOf(int level)
    {
        var levels = options.CurrentValue.Levels;
        if (level < 1 || level > levels.Count)
            return [];
        return levels[level - 1].Phones
            .Select(p => PhoneNumberFormat.TryNormalise(p, out var e164) ? e164 : null)
            .OfType<string>()
            .Distinct()
            .ToList();
    }
}
