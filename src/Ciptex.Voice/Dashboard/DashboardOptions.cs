using Ciptex.Voice.Twilio;

namespace Ciptex.Voice.Dashboard;

/// <summary>The <c>Dashboard</c> configuration section.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Whether the phone simulator page is offered. Unset means: in Development, or when SMS are a dry run. A simulated
    /// call is a real call to the service — it opens real tickets and, with live credentials, texts the caller's
    /// number and pages the engineers on call — so with live credentials it has to be switched on deliberately.
    /// </summary>
    public bool? Simulator { get; set; }

    public bool SimulatorEnabled(IHostEnvironment environment, TwilioOptions twilio) =>
        Simulator ?? (environment.IsDevelopment() || twilio.IsDryRun);
}
