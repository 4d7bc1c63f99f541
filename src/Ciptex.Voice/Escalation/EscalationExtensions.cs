using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Escalation;

internal static class EscalationExtensions
{
    public static WebApplicationBuilder AddEscalation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EscalationOptions>().BindConfiguration(EscalationOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EscalationOptions>, EscalationOptionsValidator>();
        builder.Services.AddScoped<OnCallPager>();
        builder.Services.AddSingleton<EscalationTexts>();
        return builder;
    }
}
