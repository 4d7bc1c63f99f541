using System.Text.RegularExpressions;
using Ciptex.Voice.Phones;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Ciptex.Voice.Logging;

internal static class LoggingExtensions
{
    /// <summary>
    /// Serilog per host (not the frozen bootstrap logger: tests start several hosts in one process), configured from
    /// the <c>Serilog</c> section, with phone numbers masked in every property.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.With<PhoneNumberMaskingEnricher>()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
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
