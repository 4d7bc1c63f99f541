using Microsoft.Playwright;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>
/// Debian's Chromium driven by Playwright, launched once for all browser tests. No browser is downloaded: the
/// executable is <c>CHROMIUM_PATH</c> or <c>/usr/bin/chromium</c> (<c>.ci/run</c> installs the package). Each launch
/// gets a fresh temporary profile from Playwright, and each test a fresh context (no cookies carried over).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    // Without the background-networking flags Chromium keeps calling Google's hosts, which this network refuses.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"No Chromium at {ExecutablePath}: run `apt-get update && apt-get install -y chromium`, or set CHROMIUM_PATH.");
        // A loaded CI machine with two cores can take a while to render; waiting is by expectation, never by sleeping.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Flags });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
