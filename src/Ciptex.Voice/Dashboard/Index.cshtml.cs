using Ciptex.Voice.Data;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Dashboard;

/// <summary>The first page of a shift: tickets waiting for a first response, soonest due first, then the status pages.</summary>
public sealed class IndexModel(VoiceDbContext db, StatusBoard statusBoard) : PageModel
{
    private const int RecentlyResolved = 10;

    public List<Ticket> Waiting { get; private set; } = [];
    public List<Ticket> Responded { get; private set; } = [];
    public List<Ticket> Resolved { get; private set; } = [];
    public IReadOnlyList<PageStatus> StatusPages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var tickets = db.Set<Ticket>().AsNoTracking().Include(t => t.Customer);
        var open = await tickets.Where(t => t.Status != TicketStatus.Resolved)
            .OrderBy(t => t.FirstResponseDueAt).ThenBy(t => t.Id).ToListAsync(ct);
        Waiting = open.Where(t => t.FirstRespondedAt is null).ToList();
        Responded = open.Where(t => t.FirstRespondedAt is not null).ToList();
        Resolved = await tickets.Where(t => t.Status == TicketStatus.Resolved)
            .OrderByDescending(t => t.ResolvedAt).ThenByDescending(t => t.Id).Take(RecentlyResolved).ToListAsync(ct);
        StatusPages = await statusBoard.GetPagesAsync(ct);
    }
}
