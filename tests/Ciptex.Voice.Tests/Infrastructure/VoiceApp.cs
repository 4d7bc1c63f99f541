using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>
/// The whole service in-process on a real SQLite file of its own, with a fake clock and settings a test can change
/// before the first request. Twilio traffic goes wherever <c>Twilio:ApiBaseUrl</c> points (a WireMock server).
/// </summary>
public sealed class VoiceApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-admin-key-0123456789";
    public const string AuthToken = "test-auth-token-0123456789";
    public const string AccountSid = "ACtest0000000000000000000000000000";

    public const string OnCallPhone = "+447700900901";
    public const string TeamLeadPhone = "+447700900902";
    public const string HeadOfSupportPhone = "+447700900903";

    /// <param name="time">A clock shared with other hosts (the Scale tests run two instances on one database).</param>
    public VoiceApp(string? databasePath = null, DateTimeOffset? now = null, FakeTimeProvider? time = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"ciptex-voice-test-{Guid.NewGuid():N}.db");
        Time = time ?? new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
        Settings = new()
        {
            ["ConnectionStrings:Voice"] = $"Data Source={DatabasePath}",
            ["Admin:ApiKey"] = ApiKey,
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:DryRun"] = "true",
            ["Twilio:PublicBaseUrl"] = "https://voice.ciptex.test",
            ["Demo:Seed"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Escalation:Levels:0:Name"] = "On-call engineer",
            ["Escalation:Levels:0:Phones:0"] = OnCallPhone,
            ["Escalation:Levels:0:At"] = "0.5",
            ["Escalation:Levels:1:Name"] = "Team lead",
            ["Escalation:Levels:1:Phones:0"] = TeamLeadPhone,
            ["Escalation:Levels:1:At"] = "0.75",
            ["Escalation:Levels:2:Name"] = "Head of support",
            ["Escalation:Levels:2:Phones:0"] = HeadOfSupportPhone,
            ["Escalation:Levels:2:At"] = "1.0",
            // Status pages are polled only when a test asks: no test host reaches out to the real pages by itself.
            ["StatusPages:PollInterval"] = "30.00:00:00",
            // Likewise escalations are checked when a test says so, not whenever the fake clock jumps.
            ["Escalation:CheckInterval"] = "30.00:00:00",
            // And Twilio's recordings are listed for outage tickets only when a test triggers the job.
            ["OutageRecordings:Interval"] = "30.00:00:00",
        };
        if (EveryTestOnPostgres.Enabled)
        {
            Settings["Database:Provider"] = "Postgres";
            Settings["ConnectionStrings:Voice"] = EveryTestOnPostgres.Database(DatabasePath);
        }
    }

    public string DatabasePath { get; }
    public FakeTimeProvider Time { get; }

    /// <summary>Configuration for this host; change it before the first request.</summary>
    public Dictionary<string, string?> Settings { get; }

    public string Environment { get; set; } = "Testing";

    /// <summary>Leave the SQLite file behind on dispose, for a test that restarts the service on the same database.</summary>
    public bool KeepDatabase { get; set; }

    /// <summary>Extra registrations a test needs (listeners, probes); applied after the service's own.</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    public HttpClient CreateApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>Reads the database the service writes, in a scope of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<Ciptex.Voice.Data.VoiceDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<Ciptex.Voice.Data.VoiceDbContext>());
    }

    public TwilioWebhooks Twilio() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Time));
            foreach (var configure in TestServices)
                configure(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepDatabase)
            DeleteDatabase(DatabasePath);
        if (!KeepDatabase && EveryTestOnPostgres.Enabled && Settings["Database:Provider"] == "Postgres")
            EveryTestOnPostgres.Drop(DatabasePath);
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
    }
}
