using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ciptex.Voice.Tests.Sms;

/// <summary>Two dispatchers (two contexts on one SQLite file, as two processes would be) competing for the outbox.</summary>
public sealed class OutboxLeasesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ciptex-voice-leases-{Guid.NewGuid():N}.db");
    private SqliteVoiceDbContext _a = null!;
    private SqliteVoiceDbContext _b = null!;

    public async Task InitializeAsync()
    {
        _a = Open();
        _b = Open();
        await _a.Database.EnsureCreatedAsync();
        await _a.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;"); // as DatabaseMigrator sets it
        _a.Add(new OutboundMessage { IdempotencyKey = "one", To = "+447700900001", Body = "Hello", Purpose = "test", NextAttemptAt = Now });
        await _a.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        VoiceApp.DeleteDatabase(_path);
    }

    [Fact]
    public async Task Only_one_of_two_dispatchers_can_claim_a_text()
    {
        var first = await new OutboxLeases(_a).ClaimNextAsync("dispatcher-a", Now, default);
        var second = await new OutboxLeases(_b).ClaimNextAsync("dispatcher-b", Now, default);

        Assert.Equal(("one", 1, "dispatcher-a", Now + OutboxLeases.Duration), (first!.IdempotencyKey, first.Attempts, first.LeaseOwner, first.LeaseExpiresAt));
        Assert.Null(second);
    }

    [Fact]
    public async Task A_text_given_back_before_sending_is_free_at_once_and_the_attempt_is_not_counted()
    {
        var claimed = await new OutboxLeases(_a).ClaimNextAsync("dispatcher-a", Now, default);
        await new OutboxLeases(_a).ReleaseAsync(claimed!.Id, "dispatcher-a", default);

        var again = await new OutboxLeases(_b).ClaimNextAsync("dispatcher-b", Now, default);

        Assert.Equal((1, "dispatcher-b"), (again!.Attempts, again.LeaseOwner));
    }

    [Fact]
    public async Task Only_the_holder_can_give_a_text_back()
    {
        var claimed = await new OutboxLeases(_a).ClaimNextAsync("dispatcher-a", Now, default);
        await new OutboxLeases(_b).ReleaseAsync(claimed!.Id, "dispatcher-b", default);

        Assert.Null(await new OutboxLeases(_b).ClaimNextAsync("dispatcher-b", Now, default));
    }

    [Fact]
    public async Task Dispatchers_claiming_all_at_once_never_claim_the_same_text_twice()
    {
        for (var i = 0; i < 40; i++)
            _a.Add(new OutboundMessage { IdempotencyKey = $"many:{i}", To = "+447700900002", Body = "Hello", Purpose = "test", NextAttemptAt = Now });
        await _a.SaveChangesAsync();

        // Each reads the same candidates and races for them; only the conditional UPDATE keeps them apart.
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(d => Task.Run(async () =>
        {
            await using var db = Open();
            var mine = new List<long>();
            while (await new OutboxLeases(db).ClaimNextAsync($"dispatcher-{d}", Now, default) is { } claimed)
                mine.Add(claimed.Id);
            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(41, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    private SqliteVoiceDbContext Open() =>
        new(new DbContextOptionsBuilder<SqliteVoiceDbContext>().UseSqlite($"Data Source={_path}").Options);
}
