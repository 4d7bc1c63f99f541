using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ciptex.Voice.Dashboard;

/// <summary>Sign-out is a form post with its antiforgery token: a link (a GET) could be fired by any page the engineer visits.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await DashboardSignIn.SignOutAsync(HttpContext);
        return RedirectToPage("/SignIn");
    }
}
