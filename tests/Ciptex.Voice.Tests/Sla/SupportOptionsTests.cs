using Ciptex.Voice.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Ciptex.Voice.Tests.Sla.Calendars;

namespace Ciptex.Voice.Tests.Sla;

public class SupportOptionsTests
{
    [Fact]
    public void Without_configuration_support_hours_are_UK_civil_time_with_no_extra_holidays()
    {
        var calendar = Resolve([]);

        Assert.Equal("Europe/London", calendar.TimeZone.Id);
        Assert.True(calendar.IsWorkingDay(Day("2026-06-15")));
    }

    [Fact]
    public void The_zone_and_extra_holidays_are_read_from_the_Support_section()
    {
        var calendar = Resolve(new()
        {
            ["Support:TimeZone"] = "Etc/GMT",
            ["Support:ExtraHolidays:0"] = "2026-06-15",
            ["Support:ExtraHolidays:1"] = "2026-12-24",
        });

        Assert.Equal("Etc/GMT", calendar.TimeZone.Id);
        Assert.False(calendar.IsWorkingDay(Day("2026-06-15")));
        Assert.False(calendar.IsWorkingDay(Day("2026-12-24")));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("GMT Standard Time")] // a Windows name: it would mean something else, or nothing, on another host
    public void An_unknown_time_zone_stops_start_up_with_a_message_naming_the_key(string zone)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Support:TimeZone"] = zone }));

        Assert.Equal($"Support:TimeZone '{zone}' is not a known IANA time zone.", Assert.Single(error.Failures));
    }

    [Theory]
    [InlineData("not-a-date")]
    [InlineData("06/15/2026")] // the binder alone would take this, and 01/02/2026 as 2 January
    [InlineData("2026-6-15")]
    public void An_extra_holiday_that_is_not_a_yyyy_MM_dd_date_stops_start_up_with_a_message_naming_the_key(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["Support:ExtraHolidays:0"] = "2026-06-15",
            ["Support:ExtraHolidays:1"] = value,
        }));

        Assert.Equal($"Support:ExtraHolidays:1 '{value}' is not a date in yyyy-MM-dd form.", Assert.Single(error.Failures));
    }

    [Fact]
    public void A_single_extra_holiday_given_where_a_list_belongs_stops_start_up_instead_of_being_ignored()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Support:ExtraHolidays"] = "2026-06-15" }));

        Assert.StartsWith("Support:ExtraHolidays must be a list", Assert.Single(error.Failures));
    }

    [Fact]
    public void Creating_a_calendar_from_options_with_an_unknown_zone_is_refused() =>
        Assert.Throws<ArgumentException>(() => SupportCalendar.Create(new SupportOptions { TimeZone = "Mars/Olympus" }));

    private static SupportCalendar Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSupportCalendar();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<SupportCalendar>();
    }
}
