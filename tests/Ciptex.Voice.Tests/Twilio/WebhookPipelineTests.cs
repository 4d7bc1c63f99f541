using System.Collections.Concurrent;
using System.Net;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>
/// What a webhook passes through on its way in. Twilio signs its requests, so the dashboard's sign-in (its cookie
/// and its policies) is no part of a webhook's path: it was 4% of a greeting's CPU (docs/benchmarks.md).
/// </summary>
public sealed class WebhookPipelineTests : IAsyncLifetime
{
    private readonly VoiceApp _app = new();
    private readonly ConcurrentDictionary<string, bool> _authenticationRan = new();

    public Task InitializeAsync()
    {
        _app.TestServices.Add(services => services.AddSingleton<IStartupFilter>(new AuthenticationProbe(_authenticationRan)));
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_webhook_skips_the_dashboards_sign_in_and_the_dashboard_keeps_it()
    {
        var greeting = await _app.Twilio().PostAsync("/twilio/voice/incoming",
            new Dictionary<string, string> { ["CallSid"] = "CA00000000000000000000000000000042", ["From"] = "+447700900123" });
        var page = await _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, greeting.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.False(_authenticationRan["/twilio/voice/incoming"]);
        Assert.True(_authenticationRan["/dashboard"]);
    }

    [Fact]
    public void Nothing_registers_an_HttpContext_accessor_so_Kestrel_reuses_each_connections_request_objects() =>
        Assert.Null(_app.Services.GetService<Microsoft.AspNetCore.Http.IHttpContextAccessor>());

    /// <summary>Outside everything the service adds: whether the authentication middleware saw the request.</summary>
    private sealed class AuthenticationProbe(ConcurrentDictionary<string, bool> ran) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                await inner(context);
                ran[context.Request.Path] = context.Features.Get<IAuthenticationFeature>() is not null;
            });
            next(app);
        };
    }
}
