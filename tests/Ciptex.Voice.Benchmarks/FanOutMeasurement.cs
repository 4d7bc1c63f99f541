using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// <c>fan-out DB FAKES_URL PAGE COUNT RATE WINDOW_SECONDS</c>: load.sh's fan-out step, once the service polls the fake
/// page (<see cref="FakeUpstreams"/>) and COUNT phones subscribe to PAGE. Waits for the page's baseline poll, publishes
/// the incident, then reads:
/// <list type="bullet">
/// <item>queued: from the fake answering the poll that sees the incident to the moment all COUNT status texts are rows
/// in the service's SQLite file (counted every 20 ms, read-only, so the resolution is about that);</item>
/// <item>rate: the texts the fake Twilio received in WINDOW_SECONDS, starting one second after the first (the first
/// second holds the start-up burst the sliding one-second limit allows), against RATE.</item>
/// </list>
/// Every wait is bounded. Prints one <c>RESULT key=value …</c> line; exits non-zero if a wait ran out.
/// </summary>
internal static class FanOutMeasurement
{
    private static readonly TimeSpan Skip = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RowPoll = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var dbFile, var fakes, var page, var countText, var rateText, var windowText]
            || !int.TryParse(countText, CultureInfo.InvariantCulture, out var count)
            || !int.TryParse(rateText, CultureInfo.InvariantCulture, out var rate)
            || !double.TryParse(windowText, CultureInfo.InvariantCulture, out var windowSeconds))
        {
            Console.Error.WriteLine("usage: fan-out DB_FILE FAKES_URL PAGE COUNT RATE WINDOW_SECONDS");
            return 2;
        }
        // The window must end before the queue runs dry, or it would measure an idle dispatcher.
        var window = TimeSpan.FromSeconds(Math.Min(windowSeconds, (double)count / rate - Skip.TotalSeconds - 1));

        using var http = new HttpClient { BaseAddress = new Uri(fakes), Timeout = TimeSpan.FromSeconds(10) };
        await using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbFile, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await db.OpenAsync();
        var pageParameter = new SqliteParameter("$page", page);

        var subscribers = await CountAsync(db, "SELECT count(*) FROM Subscription WHERE PageKey = $page", pageParameter);
        if (subscribers != count)
            return Fail($"{subscribers} phones subscribe to '{page}', not {count}");
        if (!await UntilAsync(TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100),
                async () => await CountAsync(db, "SELECT count(*) FROM StatusPages WHERE PageKey = $page AND BaselineAt IS NOT NULL", pageParameter) == 1))
            return Fail($"the service made no baseline poll of '{page}' within 60 s");
        if (await CountAsync(db, "SELECT count(*) FROM OutboundMessages WHERE Purpose = 'status-update'") != 0)
            return Fail("status texts are queued before the incident was published");

        (await http.PostAsync("control/incident", null)).EnsureSuccessStatusCode();
        long rows = 0;
        if (!await UntilAsync(TimeSpan.FromSeconds(120), RowPoll,
                async () => (rows = await CountAsync(db, "SELECT count(*) FROM OutboundMessages WHERE Purpose = 'status-update'")) >= count))
            return Fail($"{rows} of {count} status texts queued 120 s after the incident was published");
        var queuedAt = FakeStatusPage.UnixMs(DateTimeOffset.UtcNow);

        var stats = await StatsAsync(http);
        if (stats.FirstServedAt is null || stats.PublishedAt is null)
            return Fail("the texts were queued, but the fake page never served the incident");
        if (!await UntilAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), async () => (stats = await StatsAsync(http)).Arrivals.Length > 0))
            return Fail("the fake Twilio received no text within 30 s of the texts being queued");
        var first = stats.Arrivals.Min();
        var windowStart = first + Skip.TotalMilliseconds;
        var windowEnd = windowStart + window.TotalMilliseconds;
        // A request that arrived before the end of the window is recorded by then; a little slack for the last one.
        var wait = TimeSpan.FromMilliseconds(windowEnd - FakeStatusPage.UnixMs(DateTimeOffset.UtcNow)) + TimeSpan.FromMilliseconds(200);
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
        stats = await StatsAsync(http);

        var inWindow = stats.Arrivals.Where(a => a >= windowStart && a < windowEnd).ToList();
        var measured = inWindow.Count / window.TotalSeconds;
        var perSecond = Enumerable.Range(0, (int)Math.Floor(window.TotalSeconds))
            .Select(s => inWindow.Count(a => a >= windowStart + s * 1000 && a < windowStart + (s + 1) * 1000)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT texts={rows} queued_s={(queuedAt - stats.FirstServedAt) / 1000:F2} seen_after_publish_s={(stats.FirstServedAt - stats.PublishedAt) / 1000:F2} " +
            $"rate={measured:F1} configured={rate} deviation_pct={100 * (measured - rate) / rate:+0.0;-0.0;0.0} window_s={window.TotalSeconds:0.#} " +
            $"window_texts={inWindow.Count} min_per_s={perSecond.DefaultIfEmpty().Min()} max_per_s={perSecond.DefaultIfEmpty().Max()} " +
            $"first_second={stats.Arrivals.Count(a => a < windowStart)} received={stats.Arrivals.Length} distinct={stats.DistinctRecipients}"));
        return 0;
    }

    private sealed record Stats(double? PublishedAt, double? FirstServedAt, double[] Arrivals, int DistinctRecipients);

    private static async Task<Stats> StatsAsync(HttpClient http)
    {
        using var json = JsonDocument.Parse(await http.GetStringAsync("stats"));
        var root = json.RootElement;
        return new Stats(
            root.GetProperty("incidentPublishedAt") is { ValueKind: JsonValueKind.Number } p ? p.GetDouble() : null,
            root.GetProperty("incidentFirstServedAt") is { ValueKind: JsonValueKind.Number } s ? s.GetDouble() : null,
            root.GetProperty("messageArrivals").EnumerateArray().Select(a => a.GetDouble()).ToArray(),
            root.GetProperty("distinctRecipients").GetInt32());
    }

    private static async Task<long> CountAsync(SqliteConnection db, string sql, params SqliteParameter[] parameters)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
            command.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.Value));
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<bool> UntilAsync(TimeSpan timeout, TimeSpan every, Func<Task<bool>> done)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await done())
        {
            if (DateTimeOffset.UtcNow >= deadline)
                return false;
            await Task.Delay(every);
        }
        return true;
    }

    private static int Fail(string reason)
    {
        Console.Error.WriteLine($"fan-out: {reason}");
        return 1;
    }
}
