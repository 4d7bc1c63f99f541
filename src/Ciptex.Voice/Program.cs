using Ciptex.Voice.Admin;
using Ciptex.Voice.Customers;
using Ciptex.Voice.Dashboard;
using Ciptex.Voice.Data;
using Ciptex.Voice.Demo;
using Ciptex.Voice.Deployment;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Health;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Logging;
using Ciptex.Voice.Scheduling;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tickets;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Options;

try
{
    // The slim builder: no IIS integration and no HTTP/3 (QUIC), which a Linux service behind a proxy never uses and
    // which the full builder loads at start; HTTPS endpoints stay configurable (docs/benchmarks.md).
    var builder = WebApplication.CreateSlimBuilder(args);
    builder.WebHost.UseKestrelHttpsConfiguration();
    builder.AddSecretFiles();
    builder.Services.AddSingleton(TimeProvider.System);
    builder.AddLogging();
    builder.AddDatabase();
    builder.AddScheduling();
    builder.AddHealth();
    builder.Services.AddSupportCalendar();
    builder.AddTwilio();
    builder.AddAdminApi();
    builder.AddSms();
    builder.AddEscalation();
    builder.AddStatusPages();
    builder.AddTickets();
    builder.AddIvr();
    builder.AddDemo();
    builder.AddDashboard();

    var app = builder.Build();
    app.UseForwardedHeaders();
    app.UseExceptionHandler();
    app.UseStatusCodePagesExceptForWebhooks();
    app.UseDashboard();
    app.UseRateLimiter();
    app.MapHealth();

    var twilio = app.MapTwilioWebhooks();
    twilio.MapIvr();
    twilio.MapSmsWebhooks();

    var api = app.MapAdminApi();
    api.MapCustomers();
    api.MapSla();
    api.MapTickets();
    api.MapSubscribers();
    api.MapMessages();
    api.MapEscalation();
    api.MapIncidents();

    app.MapDashboard();

    app.Run();
    return 0;
}
catch (OptionsValidationException ex)
{
    // One line per bad key, naming it: the operator fixes configuration, not code.
    foreach (var failure in ex.Failures)
        Console.Error.WriteLine($"Configuration error: {failure}");
    return 2;
}
catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // The configuration binder's own message names the key and the value it could not read.
    Console.Error.WriteLine($"Configuration error: {ex.Message}");
    return 2;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    LoggingExtensions.Fatal(ex, "Ciptex Voice stopped unexpectedly");
    return 1;
}

public partial class Program;
