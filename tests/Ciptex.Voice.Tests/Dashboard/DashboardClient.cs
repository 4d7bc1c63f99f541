using System.Net;
using System.Text.RegularExpressions;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>
/// The dashboard over plain HTTP on the test server, for what a browser hides: status codes, cookie attributes, and
/// forms posted with or without their antiforgery token. Redirects are not followed, so they can be asserted.
/// </summary>
public sealed partial class DashboardClient(VoiceApp app, string baseAddress = "http://localhost")
{
    public HttpClient Http { get; } =
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
    private static partial Regex TokenField();

    /// <summary>The antiforgery token of the first form on the page (which also sets the antiforgery cookie).</summary>
    public async Task<string> TokenFromAsync(string path)
    {
        var html = await Http.GetStringAsync(path);
        return TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"No token on {path}");
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var form = new Dictionary<string, string>(fields);
        if (tokenFrom is not null)
            form["__RequestVerificationToken"] = await TokenFromAsync(tokenFrom);
        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public async Task<HttpResponseMessage> SignInAsync(string key = VoiceApp.ApiKey, string name = "Sam Engineer")
    {
        var response = await PostAsync("/dashboard/sign-in", new() { ["Name"] = name, ["Key"] = key }, tokenFrom: "/dashboard/sign-in");
        if (key == VoiceApp.ApiKey)
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
