using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ciptex.Voice.Tests.Sms;

/// <summary>The dispatcher is woken only once the rows it must see are committed: never early, never for nothing.</summary>
public sealed class OutboxWakeInterceptorTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ciptex-voice-wake-{Guid.NewGuid():N}.db");
    private readonly OutboxSignal _signal = new();
    private readonly FakeTimeProvider _time = new();
    private SqliteVoiceDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = new SqliteVoiceDbContext(new DbContextOptionsBuilder<SqliteVoiceDbContext>()
            .UseSqlite($"Data Source={_path}").AddInterceptors(new OutboxWakeInterceptor(_signal)).Options);
        await _db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        VoiceApp.DeleteDatabase(_path);
    }

    [Fact]
    public async Task A_save_that_adds_a_text_wakes_the_dispatcher()
    {
        _db.Add(Message("a"));
        await _db.SaveChangesAsync();

        Assert.True(await Notified());
        Assert.False(await Notified());
    }

    [Fact]
    public async Task Inside_a_transaction_the_wake_up_waits_for_the_commit()
    {
        await using (var transaction = await _db.Database.BeginTransactionAsync())
        {
            _db.Add(Message("a"));
            await _db.SaveChangesAsync();
            Assert.False(await Notified());
            await transaction.CommitAsync();
        }

        Assert.True(await Notified());
    }

    [Fact]
    public async Task A_rolled_back_text_or_a_save_without_texts_wakes_nobody()
    {
        await using (var transaction = await _db.Database.BeginTransactionAsync())
        {
            _db.Add(Message("a"));
            await _db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        _db.ChangeTracker.Clear();
        _db.Add(new Customer { AccountNumber = "123456", Name = "Fabrikam" });
        await _db.SaveChangesAsync();

        Assert.False(await Notified());
    }

    private Task<bool> Notified() => _signal.WaitAsync(TimeSpan.Zero, _time, CancellationToken.None);

    private static OutboundMessage Message(string key) =>
        new() { IdempotencyKey = key, To = "+447700900001", Body = "Hello", Purpose = "test" };
}
