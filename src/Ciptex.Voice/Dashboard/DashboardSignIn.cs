using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Ciptex.Voice.Admin;
using Ciptex.Voice.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Dashboard;

/// <summary>
/// Engineers sign in with the admin key and get a cookie for the dashboard alone: HttpOnly, SameSite=Strict, Secure
/// whenever the request came over HTTPS (after forwarded headers), and scoped to <c>/dashboard</c>. The cookie is a
/// browser-session cookie: its expiry lives inside the protected ticket, checked on the service's clock.
/// </summary>
internal static class DashboardSignIn
{
    public const string Scheme = "Dashboard";
    public const string Policy = "Dashboard";
    public const string CookieName = "ciptex-dashboard";
    public const string AntiforgeryCookieName = "ciptex-dashboard-antiforgery";
    private const string KeyClaim = "admin-key-sha256";
    private const string SuppressAutoDefaultScheme = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    /// <summary>A shift, plus some: a signed-in engineer is not thrown out mid-incident.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static WebApplicationBuilder AddDashboardSignIn(this WebApplicationBuilder builder)
    {
        // The one scheme registered would otherwise be every request's default (ASP.NET Core 7+), and the cookie handler
        // would run for every webhook. The dashboard's policy names its scheme, so its pages and its endpoints still
        // authenticate, and nothing else does.
        AppContext.SetSwitch(SuppressAutoDefaultScheme, true);
        builder.Services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.Path = DashboardExtensions.BasePath;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = DashboardExtensions.BasePath + "/sign-in";
            options.LogoutPath = DashboardExtensions.BasePath + "/sign-out";
            options.AccessDeniedPath = options.LoginPath;
            options.ExpireTimeSpan = Lifetime;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = SignOutIfTheKeyChangedAsync;
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        // The keys behind the cookie and the form tokens live in the database, so every instance behind the proxy
        // reads what another issued; the application name, not the content root, says which keys are the service's.
        builder.Services.AddDataProtection().SetApplicationName("Ciptex.Voice").PersistKeysToDbContext<VoiceDbContext>();
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.Path = DashboardExtensions.BasePath;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }

    /// <summary>Whether the key is the admin key; with none configured (Development only) any key will do.</summary>
    public static bool Accepts(AdminOptions admin, string? presented) =>
        admin.ApiKey.Length == 0 || AdminApi.Matches(presented ?? "", admin.ApiKey);

    public static Task SignInAsync(HttpContext context, string name, AdminOptions admin)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, name), new Claim(KeyClaim, Fingerprint(admin.ApiKey))], Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext context) => context.SignOutAsync(Scheme);

    // Rotating the admin key must lock out everyone who signed in with the old one, not wait for their cookies to expire.
    private static async Task SignOutIfTheKeyChangedAsync(CookieValidatePrincipalContext context)
    {
        var admin = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue;
        if (context.Principal?.FindFirst(KeyClaim)?.Value == Fingerprint(admin.ApiKey))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }

    // Kept inside the encrypted cookie, so even this hash of the key never leaves the service in the clear.
    private static string Fingerprint(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("ciptex-dashboard:" + key)));
}
