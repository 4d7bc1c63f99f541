using System.Net;
using System.Net.Http.Json;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>The matrix form reads through the same <see cref="MatrixInput"/> as <c>PUT /api/escalation</c>.</summary>
public sealed class EscalationFormTests : IAsyncLifetime
{
    private readonly VoiceApp _app = new();
    private DashboardClient _dashboard = null!;

    public async Task InitializeAsync()
    {
        _dashboard = new DashboardClient(_app);
        await _dashboard.SignInAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Form(params (string Name, string Phones, string At)[] levels) =>
        levels.SelectMany((l, i) => new[]
        {
            KeyValuePair.Create($"Levels[{i}].Name", l.Name), KeyValuePair.Create($"Levels[{i}].Phones", l.Phones), KeyValuePair.Create($"Levels[{i}].At", l.At),
        }).ToDictionary();

    private Task<EscalationMatrixDto?> MatrixAsync() => _app.CreateApiClient().GetFromJsonAsync<EscalationMatrixDto>("/api/escalation");

    [Fact]
    public async Task A_matrix_the_API_refuses_is_refused_by_the_form_with_the_same_words_and_nothing_changes()
    {
        var before = await MatrixAsync();
        var bad = new[] { ("On call", "07700 900111", "0.5"), ("Lead", "not a phone", "0.25") };

        using var form = await _dashboard.PostAsync("/dashboard/escalation", Form(bad), tokenFrom: "/dashboard/escalation");
        using var api = await _app.CreateApiClient().PutAsJsonAsync("/api/escalation",
            new EscalationMatrixDto(bad.Select(l => new EscalationLevelDto(l.Item1, [l.Item2], double.Parse(l.Item3, System.Globalization.CultureInfo.InvariantCulture))).ToList()));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (form.StatusCode, api.StatusCode));
        var html = WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync());
        var problem = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        var apiMessages = problem.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())).ToList();
        foreach (var message in new[] { "Not a valid phone number.", "Levels are listed in the order they are reached: 'at' may not go down." })
        {
            Assert.Contains(message, html);
            Assert.Contains(message, apiMessages);
        }
        Assert.Equivalent(before, await MatrixAsync());
    }

    [Fact]
    public async Task A_good_matrix_is_saved_with_numbers_in_E164_and_a_blank_row_removes_a_level()
    {
        using var response = await _dashboard.PostAsync("/dashboard/escalation",
            Form(("On call", "07700 900111\n+447700900112", "0.5"), ("", "", ""), ("Head of support", "07700 900113", "1")),
            tokenFrom: "/dashboard/escalation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await MatrixAsync();
        Assert.Equal(["On call", "Head of support"], saved!.Levels!.Select(l => l.Name));
        Assert.Equal(["+447700900111", "+447700900112"], saved.Levels![0].Phones);
        Assert.Equal([0.5, 1.0], saved.Levels.Select(l => l.At!.Value));
    }
}
