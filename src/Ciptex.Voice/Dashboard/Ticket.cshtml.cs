using Ciptex.Voice.Data;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Dashboard;

/// <summary>
/// One ticket: what the caller left, who was paged, what was texted, and the four things an engineer does to it.
/// Every change goes through <see cref="TicketService"/> under <see cref="TicketRules"/>, exactly as the API's do.
/// </summary>
public sealed class TicketModel(TicketService tickets, VoiceDbContext db) : PageModel
{
    private static readonly Dictionary<string, string> Notices = new()
    {
        ["acknowledged"] = "Acknowledged: the escalation levels before the due time are silenced.",
        ["responded"] = "First response recorded: no more escalations for this ticket.",
        ["recategorised"] = "Recategorised: the due time is recomputed and the caller is texted.",
        ["resolved"] = "Resolved: the caller is texted.",
    };

    public Ticket Ticket { get; private set; } = null!;
    public List<OutboundMessage> Texts { get; private set; } = [];
    public string? Notice { get; private set; }
    public TicketRefusal? Refusal { get; private set; }

    [BindProperty] public string? By { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct))
            return NotFound();
        Notice = done is not null && Notices.TryGetValue(done, out var notice) ? notice : null;
        By ??= User.Identity?.Name;
        return Page();
    }

    public Task<IActionResult> OnPostAcknowledgeAsync(string reference, CancellationToken ct) =>
        ChangeAsync(reference, "acknowledged", t => TicketRules.Acknowledge(t, By), t => tickets.AcknowledgeAsync(t, By!.Trim(), ct), ct);

    public Task<IActionResult> OnPostRespondAsync(string reference, CancellationToken ct) =>
        ChangeAsync(reference, "responded", TicketRules.Respond, t => tickets.RespondAsync(t, ct), ct);

    public Task<IActionResult> OnPostRecategoriseAsync(string reference, CancellationToken ct)
    {
        FaultCategory category = default;
        return ChangeAsync(reference, "recategorised", t => TicketRules.Recategorise(t, Category, Reason, out category),
            t => tickets.RecategoriseAsync(t, category, Reason!.Trim(), ct), ct);
    }

    public Task<IActionResult> OnPostResolveAsync(string reference, CancellationToken ct) =>
        ChangeAsync(reference, "resolved", _ => null, t => tickets.ResolveAsync(t, ct), ct);

    /// <summary>Post, then redirect: a refreshed page never repeats an action.</summary>
    private async Task<IActionResult> ChangeAsync(string reference, string done, Func<Ticket, TicketRefusal?> refuse, Func<Ticket, Task> change,
        CancellationToken ct)
    {
        if (!await LoadAsync(reference, ct))
            return NotFound();
        Refusal = refuse(Ticket);
        if (Refusal is not null)
        {
            Response.StatusCode = Refusal.IsConflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }
        await change(Ticket);
        return RedirectToPage(new { reference = Ticket.Reference, done });
    }

    private async Task<bool> LoadAsync(string reference, CancellationToken ct)
    {
        if (await tickets.FindAsync(reference.ToUpperInvariant(), ct) is not { } ticket)
            return false;
        Ticket = ticket;
        Texts = await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.TicketReference == ticket.Reference)
            .OrderBy(m => m.Id).ToListAsync(ct);
        return true;
    }
}
