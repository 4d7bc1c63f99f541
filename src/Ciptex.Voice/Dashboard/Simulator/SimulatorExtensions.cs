using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Dashboard.Simulator;

internal static class SimulatorExtensions
{
    public const string PagePath = DashboardExtensions.BasePath + "/simulator";

    public static WebApplicationBuilder AddPhoneSimulator(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SimulatorCalls>();
        builder.Services.AddSingleton<ServiceAddress>();
        builder.Services.AddScoped<PhoneSimulator>();
        builder.Services.AddHttpClient(PhoneSimulator.HttpClientName, client => client.Timeout = PhoneSimulator.Timeout)
            // Twilio does not follow redirects from a webhook either.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return builder;
    }

    /// <summary>In Development, says at start-up where a newcomer can call the support line without a phone.</summary>
    public static void AnnounceSimulator(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            return;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var services = app.Services;
            var dashboard = services.GetRequiredService<IOptions<DashboardOptions>>().Value;
            if (!dashboard.SimulatorEnabled(app.Environment, services.GetRequiredService<IOptions<TwilioOptions>>().Value))
                return;
            using var scope = services.CreateScope();
            var root = scope.ServiceProvider.GetRequiredService<ServiceAddress>().ForPeople;
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Ciptex.Voice.Dashboard");
            if (root is not null)
                logger.LogInformation("Phone simulator: {Url} (the dashboard is at {Dashboard})",
                    new Uri(root, PagePath).AbsoluteUri, new Uri(root, DashboardExtensions.BasePath).AbsoluteUri);
        });
    }
}
