using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Sms;

public sealed record MessageDto(
    long Id, string To, string Body, string Purpose, string Status, int Priority, int Attempts, string? TwilioSid,
    int? ErrorCode, string? ErrorMessage, string? TicketReference, string? Sender,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? UpdatedAt, DateTimeOffset? NextAttemptAt)
{
    public static MessageDto From(OutboundMessage m) => new(
        m.Id, m.To, m.Body, m.Purpose, m.Status.ToApiName(), m.Priority, m.Attempts, m.TwilioSid, m.ErrorCode, m.ErrorMessage,
        m.TicketReference, m.Sender, m.CreatedAt, m.SentAt, m.UpdatedAt,
        m.Status == OutboundMessageStatus.Queued ? m.NextAttemptAt : null);
}

/// <summary><c>GET /api/messages?to=&amp;status=&amp;limit=</c>: every text the service sent or meant to send, newest first.</summary>
internal static class MessagesApi
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        api.MapGet("/messages", ListAsync);
        return api;
    }

    private static async Task<Results<Ok<List<MessageDto>>, ValidationProblem>> ListAsync(
        string? to, string? status, int? limit, VoiceDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var phone = "";
        if (to is not null && !PhoneNumberFormat.TryNormalise(to, out phone))
            errors["to"] = ["Not a valid phone number."];
        OutboundMessageStatus? wanted = null;
        if (status is not null)
        {
            if (OutboundMessageStatusNames.TryParse(status, out var parsed))
                wanted = parsed;
            else
                errors["status"] = [$"The status is one of {string.Join(", ", OutboundMessageStatusNames.All)}."];
        }
        if (limit is < 1 or > MaxLimit)
            errors["limit"] = [$"The limit is between 1 and {MaxLimit}."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.Set<OutboundMessage>().AsNoTracking();
        if (to is not null)
            query = query.Where(m => m.To == phone);
        if (wanted is { } s)
            query = query.Where(m => m.Status == s);
        var messages = await query.OrderByDescending(m => m.Id).Take(limit ?? DefaultLimit).ToListAsync(ct);
        return TypedResults.Ok(messages.Select(MessageDto.From).ToList());
    }
}

/// <summary>How a message status is spelt in the API: <c>queued</c> … <c>opted-out</c>.</summary>
public static class OutboundMessageStatusNames
{
    public static IEnumerable<string> All => Enum.GetValues<OutboundMessageStatus>().Select(ToApiName);

    public static string ToApiName(this OutboundMessageStatus status) =>
        status == OutboundMessageStatus.OptedOut ? "opted-out" : status.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out OutboundMessageStatus status)
    {
        foreach (var candidate in Enum.GetValues<OutboundMessageStatus>())
        {
            if (string.Equals(candidate.ToApiName(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }
}
