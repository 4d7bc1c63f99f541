using Ciptex.Voice.Data;
using Ciptex.Voice.StatusPages;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Dashboard;

/// <summary>What Twilio's and Ciptex's status pages said, and how many texts each update caused: the same as <c>GET /api/incidents</c>.</summary>
public sealed class IncidentsModel(VoiceDbContext db, IOptionsMonitor<StatusPagesOptions> options) : PageModel
{
    private const int IncidentsPerPage = 20;

    public List<StatusPageIncidentsDto> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pages = await IncidentsApi.LoadAsync(db, options.CurrentValue.Pages, IncidentsPerPage, ct);
}
