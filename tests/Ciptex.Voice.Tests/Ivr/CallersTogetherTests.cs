using System.Data.Common;
using System.Xml.Linq;
using Ciptex.Voice.Data;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Ivr;

/// <summary>
/// During a major incident many callers leave their messages at once. Their tickets are stored together, in one
/// transaction (<see cref="TicketWriter"/>), and each caller still hears their own reference and gets their own text.
/// The write lock is held by another writer of the service until every caller is waiting, so they provably arrive
/// together. That lock is SQLite's: under <c>CIPTEX_TEST_DATABASE=Postgres</c> these fail, as the tests that open the
/// SQLite file do (README); kept on SQLite in that run they would break the others, whose compiled queries belong to
/// the first provider's model in the process.
/// </summary>
public sealed class CallersTogetherTests : IvrTestBase
{
    private readonly TransactionsBegun _transactions = new();

    public CallersTogetherTests() => App.TestServices.Add(services => services.AddSingleton<IInterceptor>(_transactions));

    [Fact]
    public async Task Callers_who_leave_their_messages_at_once_each_get_their_own_ticket_numbered_in_turn_in_one_commit()
    {
        var calls = await ReadyToRecordAsync(AcmeMobile, BrightsideMobile, StrangerMobile, "+447700900777", "+447700900888");

        var answers = await WhileTheWriteLockIsHeldAsync(calls.Count, () => calls.Select(call => call.RecordAsync()).ToList());

        var tickets = await TicketsAsync();
        Assert.Equal(calls.Count, tickets.Count);
        Assert.Equal(Enumerable.Range((int)tickets[0].Id, calls.Count).Select(id => (long)id), tickets.Select(t => t.Id));
        Assert.Equal(1, _transactions.Transactions);
        foreach (var (call, answer) in calls.Zip(answers))
        {
            var ticket = Assert.Single(tickets, t => t.CallSid == call.CallSid);
            Assert.Contains($"Your ticket reference is {TicketReferences.Spoken(ticket.Reference)}.", Said(answer));
            Assert.Equal(ticket.Id, (await SessionAsync(call.CallSid))!.TicketId);
        }
        var texts = await TextsAsync();
        Assert.Equal(tickets.Select(t => t.Reference).Order(), texts.Select(m => m.TicketReference!).Order());
        Assert.All(tickets, t => Assert.Equal(t.CallerNumber, Assert.Single(texts, m => m.TicketReference == t.Reference).To));
    }

    [Fact]
    public async Task A_retried_delivery_in_the_same_commit_as_other_callers_gets_the_calls_one_ticket_and_costs_them_nothing()
    {
        var calls = await ReadyToRecordAsync(AcmeMobile, BrightsideMobile, StrangerMobile);
        var retried = calls[0];

        var answers = await WhileTheWriteLockIsHeldAsync(calls.Count + 1,
            () => [.. calls.Select(call => call.RecordAsync()), retried.RecordDeliveredAgainAsync()]);

        var tickets = await TicketsAsync();
        Assert.Equal(calls.Select(c => c.CallSid).Order(), tickets.Select(t => t.CallSid!).Order());
        var ticketOfRetried = Assert.Single(tickets, t => t.CallSid == retried.CallSid);
        Assert.Contains($"Your ticket reference is {TicketReferences.Spoken(ticketOfRetried.Reference)}.", Said(answers[0]));
        Assert.Contains($"Your ticket reference is {TicketReferences.Spoken(ticketOfRetried.Reference)}.", Said(answers[^1]));
        foreach (var (call, answer) in calls.Zip(answers).Skip(1))
            Assert.Contains(TicketReferences.Spoken(Assert.Single(tickets, t => t.CallSid == call.CallSid).Reference), Said(answer));
        Assert.Equal(tickets.Select(t => t.Reference).Order(), (await TextsAsync()).Select(m => m.TicketReference!).Order());
    }

    [Fact]
    public async Task A_P1_committed_with_other_callers_tickets_pages_on_call_at_once_and_each_caller_is_texted()
    {
        var p1 = Call(AcmeMobile);
        await p1.DialAsync();
        await p1.PressAsync("1");
        await p1.PressAsync("1"); // production is affected
        Assert.Contains("After the tone", p1.Said);
        var others = await ReadyToRecordAsync(BrightsideMobile, StrangerMobile);

        await WhileTheWriteLockIsHeldAsync(3, () => [p1.RecordAsync(), .. others.Select(call => call.RecordAsync())]);

        Assert.Equal(1, _transactions.Transactions);
        var tickets = await TicketsAsync();
        var critical = Assert.Single(tickets, t => t.CallSid == p1.CallSid);
        Assert.Equal(FaultCategory.P1, critical.Category);
        Assert.Equal(1, Assert.Single(critical.Escalations).Level);
        var texts = await TextsAsync();
        var page = Assert.Single(texts, m => m.Purpose == "escalation");
        Assert.Equal((VoiceApp.OnCallPhone, MessagePriority.UrgentPage), (page.To, page.Priority));
        Assert.Contains($"{critical.Reference} P1 Business Critical for Acme Retail", page.Body);
        Assert.Equal(tickets.Select(t => t.Reference).Order(),
            texts.Where(m => m.Purpose == "ticket-confirmation").Select(m => m.TicketReference!).Order());
    }

    /// <summary>Callers at the beep: dialled, category chosen (P3, no further question), sessions stored.</summary>
    private async Task<List<PhoneCall>> ReadyToRecordAsync(params string[] numbers)
    {
        var calls = new List<PhoneCall>();
        foreach (var number in numbers)
        {
            var call = Call(number);
            await call.DialAsync();
            if (call.Said.Contains("account number", StringComparison.Ordinal))
                await call.PressAsync("100001");
            await call.PressAsync("3");
            Assert.Contains("After the tone", call.Said);
            calls.Add(call);
        }
        return calls;
    }

    /// <summary>
    /// Holds the write lock (a transaction of the service's own, as the outbox or the session writer would) until
    /// <paramref name="callers"/> are waiting for their tickets, then lets go and returns what each was told.
    /// </summary>
    private async Task<XDocument[]> WhileTheWriteLockIsHeldAsync(int callers, Func<List<Task<XDocument>>> send)
    {
        var writer = App.Services.GetRequiredService<TicketWriter>();
        await using var scope = App.Services.CreateAsyncScope();
        var holder = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
        List<Task<XDocument>> answers;
        await using (var transaction = await holder.Database.BeginTransactionAsync())
        {
            _transactions.Arm();
            answers = send();
            Assert.True(SpinWait.SpinUntil(() => writer.Waiting == callers || answers.Any(a => a.IsCompleted), TimeSpan.FromSeconds(30)),
                $"{writer.Waiting} of {callers} callers waited for their tickets");
            Assert.DoesNotContain(answers, a => a.IsCompleted);
            await transaction.CommitAsync();
        }
        return await Task.WhenAll(answers);
    }

    private static string Said(XDocument twiml) => string.Join(" ", twiml.Descendants("Say").Select(s => s.Value));

    /// <summary>Counts the transactions the service begins once armed.</summary>
    private sealed class TransactionsBegun : IDbTransactionInterceptor
    {
        private int _transactions;
        private volatile bool _armed;

        public int Transactions => Volatile.Read(ref _transactions);

        public void Arm() => _armed = true;

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (_armed)
                Interlocked.Increment(ref _transactions);
            return ValueTask.FromResult(result);
        }
    }
}
