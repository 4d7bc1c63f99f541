using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Hardening;

/// <summary>
/// SQLite writes one transaction at a time. A second writer in the service must wait its turn without holding a
/// thread (Microsoft.Data.Sqlite's own answer to a busy database is to sleep the thread and try again, which under a
/// burst of callers left the lock free while every writer slept), and then commit.
/// </summary>
public sealed class WritersQueueTests
{
    [Fact]
    public async Task A_writer_behind_an_open_transaction_waits_without_blocking_its_caller_and_then_commits()
    {
        await using var app = new VoiceApp();
        await using var first = app.Services.CreateAsyncScope();
        await using var second = app.Services.CreateAsyncScope();
        var holder = first.ServiceProvider.GetRequiredService<VoiceDbContext>();
        var waiter = second.ServiceProvider.GetRequiredService<VoiceDbContext>();

        await using (var transaction = await holder.Database.BeginTransactionAsync())
        {
            holder.Add(new Customer { AccountNumber = "100201", Name = "Holder Ltd" });
            await holder.SaveChangesAsync();

            waiter.Add(new Customer { AccountNumber = "100202", Name = "Waiter Ltd" });
            // On this very thread: a writer that blocked its thread would never let the holder reach its commit.
            var waiting = waiter.SaveChangesAsync();
            Assert.False(waiting.IsCompleted, "the second writer should be waiting for the first transaction");

            await transaction.CommitAsync();
            Assert.Equal(1, await waiting);
        }

        var names = await app.QueryAsync(db => db.Set<Customer>().Where(c => c.AccountNumber == "100201" || c.AccountNumber == "100202")
            .OrderBy(c => c.AccountNumber).Select(c => c.Name).ToListAsync());
        Assert.Equal(["Holder Ltd", "Waiter Ltd"], names);
    }
}
