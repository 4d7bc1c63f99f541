using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Dashboard;

public sealed record SubscriberRow(string Phone, IReadOnlyList<Subscription> Pages, bool OptedOut);

/// <summary>Who is texted each status-page update, how they asked, and who has since said STOP to our sender.</summary>
public sealed class SubscribersModel(VoiceDbContext db, IOptionsMonitor<TwilioOptions> twilio) : PageModel
{
    public List<SubscriberRow> Subscribers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var sender = twilio.CurrentValue.Sender;
        var subscriptions = await db.Set<Subscription>().AsNoTracking().ToListAsync(ct);
        var optedOut = (await db.Set<SmsOptOut>().AsNoTracking().Where(o => o.Sender == sender).Select(o => o.Phone).ToListAsync(ct)).ToHashSet();
        Subscribers = subscriptions.GroupBy(s => s.Phone).OrderBy(g => g.Key)
            .Select(g => new SubscriberRow(g.Key, g.OrderBy(s => s.PageKey).ToList(), optedOut.Contains(g.Key)))
            .ToList();
    }
}
