using System.Net.Http.Json;
using Ciptex.Voice.Customers;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Foundation;

public sealed class DemoDataTests
{
    [Fact]
    public async Task A_development_service_without_configuration_has_demo_customers_a_subscriber_and_an_on_call_rota()
    {
        await using var app = new VoiceApp { Environment = "Development" };
        foreach (var key in app.Settings.Keys.Where(k => k.StartsWith("Escalation:Levels", StringComparison.Ordinal) || k == "Demo:Seed").ToList())
            app.Settings.Remove(key);
        var api = app.CreateApiClient();

        var customers = await api.GetFromJsonAsync<List<CustomerDto>>("/api/customers");
        var matrix = await api.GetFromJsonAsync<EscalationMatrixDto>("/api/escalation");
        var subscribers = await api.GetStringAsync("/api/subscribers");

        Assert.Contains(customers!, c => c.Package == "production");
        Assert.Contains(customers!, c => c.Package == "extended");
        Assert.Equal(3, matrix!.Levels!.Count);
        Assert.Contains("+447700900600", subscribers);
    }

    [Fact]
    public async Task Outside_development_nothing_is_seeded_unless_asked()
    {
        await using var app = new VoiceApp();
        app.Settings.Remove("Demo:Seed");

        Assert.Empty(await app.CreateApiClient().GetFromJsonAsync<List<CustomerDto>>("/api/customers") ?? []);
    }
}
