using Ciptex.Voice.Dashboard.Simulator;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Ciptex.Voice.Dashboard;

/// <summary>
/// The engineers' dashboard: Razor Pages rendered on the server from this folder, under <c>/dashboard</c>, behind the
/// sign-in cookie. The only script is the countdown; every action is a plain form post with an antiforgery token.
/// </summary>
internal static class DashboardExtensions
{
    public const string BasePath = "/dashboard";

    // Pages load nothing from elsewhere; recordings come through the service, or from the https link Twilio hands out.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' https:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section);
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Dashboard";
            options.Conventions.AuthorizeFolder("/", DashboardSignIn.Policy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
        }).ConfigureApplicationPartManager(parts =>
        {
            // The dashboard is pages only. MVC's search for controllers and view components would load every one of
            // the service's types at start, and whatever those name in turn (docs/benchmarks.md).
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<ViewComponentFeatureProvider>().Single());
        });
        builder.Services.AddSingleton<DashboardTime>();
        builder.AddDashboardSignIn();
        builder.AddPhoneSimulator();
        ReadTheKeyRingOnFirstUse(builder.Services);
        return builder;
    }

    /// <summary>
    /// The cookies' data-protection key ring is read when the dashboard first signs someone in or renders a form, not
    /// at start by the hosted service data protection registers for that: reading it loads an XML library that no
    /// webhook uses, 2–3 MB of the service's memory (docs/benchmarks.md).
    /// </summary>
    private static void ReadTheKeyRingOnFirstUse(IServiceCollection services)
    {
        const string KeyRingPreloader = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";
        foreach (var preloader in services.Where(s => s.ImplementationType?.FullName == KeyRingPreloader).ToList())
            services.Remove(preloader);
    }

    /// <summary>Middleware, before the endpoints: the stylesheet and script, the security headers, the sign-in cookie.</summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(BasePath), dashboard => dashboard.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(context);
        }));
        // No scheme is the default (DashboardSignIn), so a request is authenticated only where its endpoint's policy
        // asks: the dashboard's. The admin API (its key) passes the cookie by; reading it cost every webhook 5% of its
        // CPU. Twilio's webhooks, signed by Twilio and never authorised by policy, skip both middlewares, which cost
        // them another 4% (docs/benchmarks.md).
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(TwilioExtensions.BasePath), signedIn =>
        {
            signedIn.UseAuthentication();
            signedIn.UseAuthorization();
        });
        // A branch's flags stay in the branch: without these, WebApplication would add both middlewares again, in
        // front of everything, for every request (the keys UseAuthentication and UseAuthorization set).
        var properties = ((IApplicationBuilder)app).Properties;
        properties["__AuthenticationMiddlewareSet"] = true;
        properties["__AuthorizationMiddlewareSet"] = true;
        return app;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/", () => Results.Redirect(BasePath)).ExcludeFromDescription();
        app.MapRazorPages();
        app.MapTicketRecording();
        app.AnnounceSimulator();
        return app;
    }
}
