using System.Text.RegularExpressions;
using Ciptex.Voice.Phones;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Settings.Configuration;

namespace Ciptex.Voice.Logging;

internal static class LoggingExtensions
{
    /// <summary>
    /// Serilog per host (not the frozen bootstrap logger: tests start several hosts in one process), configured from
    /// the <c>Serilog</c> section, with phone numbers masked in every property. The static <c>Log.Logger</c> is left
    /// alone: otherwise each host's logs go to whichever host set it last, and go silent once any host is disposed
    /// (its factory calls <c>Log.CloseAndFlush()</c>) — with test hosts running in parallel, a log line could land in
    /// the wrong host's sinks or nowhere.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            // The host's request-start and request-finish lines (Information) are never wanted here, and while this
            // category is enabled at all ASP.NET Core starts an Activity for every request to correlate them: 2% of a
            // webhook's CPU (docs/benchmarks.md). Configuration can still turn it back on.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off)
            // The sinks configuration may name are the console's and the file's. Named, they are not searched for in
            // every assembly whose name mentions Serilog, which loaded five assemblies and their types at start.
            .ReadFrom.Configuration(builder.Configuration, new ConfigurationReaderOptions(
                typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly))
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<PhoneNumberMaskingEnricher>()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture), preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// The last word of a process that failed to start or crashed: the host's own logger may not exist yet, or be
    /// disposed already, so a console logger is made for this one line (phone numbers still masked).
    /// </summary>
    public static void Fatal(Exception exception, string message)
    {
        using var logger = new LoggerConfiguration()
            .Enrich.With<PhoneNumberMaskingEnricher>()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
        logger.Fatal(exception, message);
    }
}

/// <summary>Masks anything shaped like an E.164 number in log properties, so a careless log line cannot leak one.</summary>
internal sealed partial class PhoneNumberMaskingEnricher : ILogEventEnricher
{
    [GeneratedRegex(@"\+\d{7,15}")]
    private static partial Regex PhoneNumber();

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && PhoneNumber().IsMatch(text))
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(Mask(text))));
        }
    }

    public static string Mask(string text) => PhoneNumber().Replace(text, m => PhoneNumberFormat.Mask(m.Value));
}
