namespace Ciptex.Voice.Demo;

internal static class DemoExtensions
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
