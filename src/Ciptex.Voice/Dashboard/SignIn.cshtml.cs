using Ciptex.Voice.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Dashboard;

public sealed class SignInModel(IOptionsMonitor<AdminOptions> admin, IHostEnvironment environment, FailedSignInLimiter limiter) : PageModel
{
    public const int MaxNameLength = 100;

    [BindProperty]
    public string? Key { get; set; }

    /// <summary>Who is signing in: shown in the header and offered as the name on acknowledgements.</summary>
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>Development without <c>Admin:ApiKey</c>: the API is open, and so is the dashboard, for any key.</summary>
    public bool NoKeyConfigured => admin.CurrentValue.ApiKey.Length == 0 && environment.IsDevelopment();

    public async Task<IActionResult> OnGetAsync()
    {
        // The sign-in page allows everyone, so nothing has read the cookie yet: someone already signed in moves on.
        var result = await HttpContext.AuthenticateAsync(DashboardSignIn.Scheme);
        return result.Succeeded ? LocalRedirect(Target) : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
            return Refuse(StatusCodes.Status400BadRequest, "Give your name (up to 100 characters): it goes on the tickets you acknowledge.");
        if (limiter.RetryAfter(HttpContext) is { } wait)
        {
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Refuse(StatusCodes.Status429TooManyRequests,
                $"Too many wrong keys from this address. Try again in {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minute(s).");
        }
        if (!DashboardSignIn.Accepts(admin.CurrentValue, Key))
        {
            limiter.RecordFailure(HttpContext);
            return Refuse(StatusCodes.Status401Unauthorized, "That is not the admin key.");
        }
        limiter.RecordSuccess(HttpContext);
        await DashboardSignIn.SignInAsync(HttpContext, name, admin.CurrentValue);
        return LocalRedirect(Target);
    }

    // Only back into the dashboard: a ReturnUrl pointing elsewhere is an open redirect waiting to be used.
    private string Target => Url.IsLocalUrl(ReturnUrl) && ReturnUrl.StartsWith(DashboardExtensions.BasePath + "/", StringComparison.Ordinal)
        ? ReturnUrl
        : DashboardExtensions.BasePath;

    private PageResult Refuse(int status, string error)
    {
        Error = error;
        Key = null;
        Response.StatusCode = status;
        return Page();
    }
}
