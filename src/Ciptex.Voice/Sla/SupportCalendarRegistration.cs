using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Sla;

internal static class SupportCalendarRegistration
{
    /// <summary>Binds and validates the <c>Support</c> section at start-up and shares one calendar across the service.</summary>
    public static IServiceCollection AddSupportCalendar(this IServiceCollection services)
    {
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SupportOptions>, SupportOptionsValidator>());
        services.TryAddSingleton(sp => SupportCalendar.Create(sp.GetRequiredService<IOptions<SupportOptions>>().Value));
        return services;
    }
}
