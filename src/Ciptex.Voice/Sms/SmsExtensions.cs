namespace Ciptex.Voice.Sms;

internal static class SmsExtensions
{
    public static WebApplicationBuilder AddSms(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SmsOutbox>();
        return builder;
    }
}
