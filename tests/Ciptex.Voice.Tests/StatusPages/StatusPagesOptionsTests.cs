using Ciptex.Voice.StatusPages;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Tests.StatusPages;

public sealed class StatusPagesOptionsTests
{
    [Fact]
    public async Task Without_configuration_the_Twilio_and_Ciptex_pages_are_polled_every_minute()
    {
        await using var app = new VoiceApp();
        app.Settings.Remove("StatusPages:PollInterval");

        var options = app.Services.GetRequiredService<IOptions<StatusPagesOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), options.PollInterval);
        Assert.Equal(5, options.FailureAlertAfter);
        Assert.Equal([("twilio", "Twilio", "https://status.twilio.com"), ("ciptex", "Ciptex", "https://status.ciptex.com")],
            options.Pages.Select(p => (p.Key, p.Name, p.BaseUrl)));
    }

    [Theory]
    [InlineData("StatusPages:PollInterval", "00:00:00.500", "StatusPages:PollInterval")]
    [InlineData("StatusPages:FailureAlertAfter", "0", "StatusPages:FailureAlertAfter")]
    [InlineData("StatusPages:RequestTimeout", "00:00:00", "StatusPages:RequestTimeout")]
    [InlineData("StatusPages:Pages:0:BaseUrl", "status.twilio.com", "StatusPages:Pages:0:BaseUrl")]
    [InlineData("StatusPages:Pages:1:Name", "", "StatusPages:Pages:1:Name")]
    [InlineData("StatusPages:Pages:1:Key", "Twilio Status", "StatusPages:Pages:1:Key")]
    [InlineData("StatusPages:Pages:1:Key", "twilio", "StatusPages:Pages:1:Key")]
    public void A_bad_setting_is_refused_naming_the_key(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["StatusPages:Pages:0:Key"] = "twilio", ["StatusPages:Pages:0:Name"] = "Twilio", ["StatusPages:Pages:0:BaseUrl"] = "https://status.twilio.com",
            ["StatusPages:Pages:1:Key"] = "ciptex", ["StatusPages:Pages:1:Name"] = "Ciptex", ["StatusPages:Pages:1:BaseUrl"] = "https://status.ciptex.com",
            [key] = value,
        };
        var options = StatusPagesOptions.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        var result = new StatusPagesOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures ?? []);
        Assert.StartsWith(named, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_poll_interval_of_one_second_is_accepted()
    {
        var options = new StatusPagesOptions { PollInterval = TimeSpan.FromSeconds(1) };
        StatusPagesOptions.ApplyDefaults(options);

        Assert.True(new StatusPagesOptionsValidator().Validate(null, options).Succeeded);
    }
}
