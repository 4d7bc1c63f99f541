using System.Net;
using Ciptex.Voice.Dashboard;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>
/// Behind the round-robin proxy the instance that signs an engineer in is often not the one that serves the next
/// page. The keys behind the sign-in cookie are kept in the database the instances share, and nowhere else: an
/// instance on another database refuses the cookie.
/// </summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private readonly VoiceApp _signedInOn = new() { KeepDatabase = true };
    private VoiceApp _sameDatabase = null!;
    private readonly VoiceApp _otherDatabase = new();

    public Task InitializeAsync()
    {
        _sameDatabase = new VoiceApp(_signedInOn.DatabasePath);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _signedInOn.DisposeAsync();
        await _sameDatabase.DisposeAsync();
        await _otherDatabase.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_holds_on_another_instance_of_the_same_database_only()
    {
        using var signedIn = await new DashboardClient(_signedInOn).SignInAsync();
        var setCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DashboardSignIn.CookieName + "=", StringComparison.Ordinal));
        var cookie = setCookie[..setCookie.IndexOf(';')];

        Assert.Equal(HttpStatusCode.OK, await DashboardWithAsync(_sameDatabase, cookie));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardWithAsync(_otherDatabase, cookie));
        Assert.NotEmpty(await _sameDatabase.QueryAsync(db => db.DataProtectionKeys.ToListAsync()));
    }

    /// <summary>
    /// Data protection's own hosted service would read the ring at start, loading the XML library no webhook uses;
    /// the service removes it by its type's name, which this catches if a release renames it.
    /// </summary>
    [Fact]
    public void No_hosted_service_reads_the_key_ring_at_start() =>
        Assert.DoesNotContain(_signedInOn.Services.GetServices<IHostedService>(),
            service => service.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true);

    private static async Task<HttpStatusCode> DashboardWithAsync(VoiceApp app, string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
