using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Ciptex.Voice.Tests.Scale;

/// <summary>Instances of the service on one PostgreSQL database, sharing one fake clock as hosts kept in step by NTP do.</summary>
public static class ScaleHost
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A host on <paramref name="database"/> with the given clock; started by the first request or service lookup.</summary>
    public static VoiceApp On(PostgresDatabase database, FakeTimeProvider time)
    {
        var app = new VoiceApp(time: time);
        app.Settings["Database:Provider"] = "Postgres";
        app.Settings["ConnectionStrings:Voice"] = database.ConnectionString;
        return app;
    }

    /// <summary>Starts the host now (migrations, scheduler, dispatcher), rather than at its first request.</summary>
    public static VoiceApp Started(this VoiceApp app)
    {
        _ = app.Services;
        return app;
    }
}
