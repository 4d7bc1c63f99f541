using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ciptex.Voice.Tests.Dashboard;

/// <summary>
/// A picture of each page as the browser drew it, kept as a test artefact in
/// <c>tests/Ciptex.Voice.Tests/TestResults/screenshots/</c> (or <c>SCREENSHOTS_DIR</c>) for a person to look at.
/// </summary>
public static class Screenshots
{
    public static string Directory =>
        Environment.GetEnvironmentVariable("SCREENSHOTS_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(ApprovedTwiml.RepositoryRoot(), "tests", "Ciptex.Voice.Tests", "TestResults", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }
}
