using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Dashboard;

/// <summary>The customers the IVR recognises, by account number and by their contacts' phones.</summary>
public sealed class CustomersModel(VoiceDbContext db) : PageModel
{
    public List<Customer> Customers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Customers = await db.Set<Customer>().AsNoTracking().Include(c => c.Contacts).OrderBy(c => c.AccountNumber).ToListAsync(ct);
}
