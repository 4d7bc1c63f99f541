using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Dashboard;

/// <summary>The outbox, newest first: every text the service sent or meant to send, its status, attempts and Twilio's error.</summary>
public sealed class MessagesModel(VoiceDbContext db) : PageModel
{
    private const int Shown = 200;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public List<OutboundMessage> Messages { get; private set; } = [];
    public Dictionary<OutboundMessageStatus, int> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Set<OutboundMessage>().AsNoTracking();
        if (OutboundMessageStatusNames.TryParse(Status, out var wanted))
            query = query.Where(m => m.Status == wanted);
        else
            Status = null;
        Messages = await query.OrderByDescending(m => m.Id).Take(Shown).ToListAsync(ct);
        Counts = await db.Set<OutboundMessage>().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
