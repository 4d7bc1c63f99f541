using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Twilio;

internal static class TwilioExtensions
{
    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        return builder;
    }
}
