using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ciptex.Voice.Escalation;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Escalation;

public sealed class EscalationApiTests() : EscalationTestBase(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero))
{
    [Fact]
    public async Task The_matrix_starts_as_configured()
    {
        var matrix = await App.CreateApiClient().GetFromJsonAsync<EscalationMatrixDto>("/api/escalation");

        Assert.Equal(["On-call engineer", "Team lead", "Head of support"], matrix!.Levels!.Select(l => l.Name));
        Assert.Equal([0.5, 0.75, 1.0], matrix.Levels!.Select(l => l.At!.Value));
    }

    [Fact]
    public async Task An_edited_matrix_is_kept_across_a_restart_and_pages_the_new_phones_only()
    {
        var put = await App.CreateApiClient().PutAsJsonAsync("/api/escalation", new
        {
            levels = new object[]
            {
                new { name = "Night shift", phones = new[] { "07700 900777", "+447700900778" }, at = 0.25 },
                new { name = "Duty manager", phones = new[] { "+447700900779" }, at = 1.0 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await RestartAsync();
        var matrix = await App.CreateApiClient().GetFromJsonAsync<EscalationMatrixDto>("/api/escalation");
        Assert.Equal(["+447700900777", "+447700900778"], matrix!.Levels![0].Phones);
        await OpenAsync("P1");

        Assert.Equal(["+447700900777", "+447700900778"], await PagedPhonesAsync());
    }

    [Theory]
    [InlineData("""{"levels":[]}""", "levels")]
    [InlineData("""{"levels":[{"name":"","phones":["+447700900777"],"at":0.5}]}""", "levels[0].name")]
    [InlineData("""{"levels":[{"name":"A","phones":["nope"],"at":0.5}]}""", "levels[0].phones[0]")]
    [InlineData("""{"levels":[{"name":"A","phones":[],"at":0.5}]}""", "levels[0].phones")]
    [InlineData("""{"levels":[{"name":"A","phones":["+447700900777"],"at":-1}]}""", "levels[0].at")]
    [InlineData("""{"levels":[{"name":"A","phones":["+447700900777"],"at":0.9},{"name":"B","phones":["+447700900778"],"at":0.5}]}""", "levels[1].at")]
    public async Task A_bad_matrix_is_refused_and_the_old_one_kept(string json, string field)
    {
        var response = await App.CreateApiClient().PutAsync("/api/escalation", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        var matrix = await App.CreateApiClient().GetFromJsonAsync<EscalationMatrixDto>("/api/escalation");
        Assert.Equal(3, matrix!.Levels!.Count);
    }

    [Fact]
    public async Task The_matrix_needs_the_admin_key()
    {
        var response = await App.CreateClient().PutAsJsonAsync("/api/escalation", new { levels = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
