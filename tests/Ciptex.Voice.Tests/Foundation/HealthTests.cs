using System.Net;
using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Foundation;

public sealed class HealthTests
{
    [Fact]
    public async Task A_fresh_database_is_migrated_and_the_service_reports_ready()
    {
        await using var app = new VoiceApp();
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(app.DatabasePath), "the SQLite file is created on start");
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_cannot_be_reached()
    {
        await using var app = new VoiceApp();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        // A directory where the file was: SQLite can no longer open it.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(app.DatabasePath + suffix);
        Directory.CreateDirectory(app.DatabasePath);
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        }
        finally
        {
            Directory.Delete(app.DatabasePath);
        }
    }
}
