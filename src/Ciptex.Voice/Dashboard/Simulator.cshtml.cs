using Ciptex.Voice.Customers;
using Ciptex.Voice.Dashboard.Simulator;
using Ciptex.Voice.Data;
using Ciptex.Voice.Phones;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Dashboard;

public sealed record CallerChoice(string Phone, string Label);

/// <summary>
/// The phone simulator: call the support line from a customer's contact (or any number), hear the prompts, press keys,
/// speak after the tone, hang up. Each step is posted, then the page redirects back to the call (post/redirect/get).
/// </summary>
public sealed class SimulatorModel(PhoneSimulator simulator, SimulatorCalls calls, VoiceDbContext db, TicketService tickets,
    WebhookSigningKeys keys, IOptionsMonitor<DashboardOptions> options, IOptionsMonitor<TwilioOptions> twilio, IHostEnvironment environment)
    : PageModel
{
    public const string Withheld = "withheld";
    private const string Keypad = "0123456789*#";

    [BindProperty(SupportsGet = true)] public string? Call { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Words { get; set; }

    public SimulatorCall? Current { get; private set; }

    /// <summary>A copy of the call so far: another tab may be adding to it while this page renders.</summary>
    public IReadOnlyList<CallLine> Lines { get; private set; } = [];
    public Ticket? Ticket { get; private set; }
    public List<CallerChoice> Callers { get; private set; } = [];
    public string? Error { get; private set; }
    public bool UsesProcessKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Enabled ? await ShowAsync(ct) : NotFound();

    public async Task<IActionResult> OnPostDialAsync(CancellationToken ct)
    {
        if (!Enabled)
            return NotFound();
        string? from = null;
        var typed = Number?.Trim() ?? "";
        var chosen = typed.Length > 0 ? typed : From;
        if (chosen != Withheld)
        {
            if (!PhoneNumberFormat.TryNormalise(chosen, out var e164))
                return await ShowAsync(ct, $"'{chosen}' is not a phone number: try 07700 900555 or +447700900555.");
            from = e164;
        }
        return await StepAsync(ct, async () => Call = (await simulator.DialAsync(from, ct)).Call.CallSid);
    }

    public Task<IActionResult> OnPostKeyAsync(CancellationToken ct) =>
        OnCallAsync(ct, call => Key is { Length: 1 } k && Keypad.Contains(k[0]) ? simulator.PressAsync(call, k[0], ct) : Task.CompletedTask);

    public Task<IActionResult> OnPostWaitAsync(CancellationToken ct) => OnCallAsync(ct, call => simulator.WaitAsync(call, ct));

    public Task<IActionResult> OnPostRecordAsync(CancellationToken ct) => OnCallAsync(ct, call => simulator.RecordAsync(call, Words, ct));

    public Task<IActionResult> OnPostHangUpAsync(CancellationToken ct) => OnCallAsync(ct, call => simulator.HangUpAsync(call, ct));

    private bool Enabled => options.CurrentValue.SimulatorEnabled(environment, twilio.CurrentValue);

    private async Task<IActionResult> OnCallAsync(CancellationToken ct, Func<SimulatorCall, Task> step)
    {
        if (!Enabled || calls.Find(Call) is not { } call)
            return NotFound();
        await call.Turn.WaitAsync(ct);
        try
        {
            return await StepAsync(ct, () => step(call));
        }
        finally
        {
            call.Turn.Release();
        }
    }

    private async Task<IActionResult> StepAsync(CancellationToken ct, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is SimulatorException or HttpRequestException or TaskCanceledException or System.Xml.XmlException
            && !ct.IsCancellationRequested)
        {
            Response.StatusCode = StatusCodes.Status502BadGateway;
            return await ShowAsync(ct, ex.Message);
        }
        return RedirectToPage(new { call = Call });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, string? error = null)
    {
        Error = error;
        Current = calls.Find(Call);
        Lines = Current?.Transcript.ToArray() ?? [];
        Ticket = Current is null ? null : await tickets.FindByCallAsync(Current.Call.CallSid, ct);
        UsesProcessKey = keys.UsesProcessKey;
        var customers = await db.Set<Customer>().AsNoTracking().Include(c => c.Contacts).OrderBy(c => c.AccountNumber).ToListAsync(ct);
        Callers = customers.SelectMany(c => c.Contacts.Select(x => new CallerChoice(x.Phone, $"{x.Name}, {c.Name} ({x.Phone})"))).ToList();
        From ??= Current?.Call.From ?? Callers.FirstOrDefault()?.Phone;
        return Page();
    }
}
