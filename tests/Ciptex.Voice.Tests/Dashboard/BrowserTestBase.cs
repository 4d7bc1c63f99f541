using System.Net;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>
/// The whole service on a real Kestrel port on 127.0.0.1 (a browser cannot reach a TestServer), with a fake clock
/// fixed on a Thursday morning in support hours, the demo customers, and a fresh browser context per test.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTestBase(Chromium chromium) : IAsyncLifetime
{
    public const string EngineerName = "Sam Engineer";

    protected VoiceApp App { get; } = new(now: new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero)) { Settings = { ["Demo:Seed"] = "true" } };
    protected IPage Page { get; private set; } = null!;
    protected string BaseUrl { get; private set; } = "";
    private IBrowserContext? _context;

    /// <summary>The window: a laptop's unless a test says otherwise.</summary>
    protected virtual ViewportSize Viewport => new() { Width = 1280, Height = 900 };

    /// <summary>A test changes <see cref="App"/>'s settings here, before the service starts.</summary>
    protected virtual void Configure()
    {
    }

    public async Task InitializeAsync()
    {
        Configure();
        App.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _context = await chromium.Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = Viewport });
        Page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
            await _context.DisposeAsync();
        await App.DisposeAsync();
    }

    protected async Task SignInAsync(string? key = VoiceApp.ApiKey)
    {
        await Page.GotoAsync("/dashboard");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/sign-in"));
        await Page.GetByLabel("Your name").FillAsync(EngineerName);
        await Page.GetByLabel("Admin key").FillAsync(key ?? "");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Tickets", Level = 1 })).ToBeVisibleAsync();
    }

    protected Task ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);
}
