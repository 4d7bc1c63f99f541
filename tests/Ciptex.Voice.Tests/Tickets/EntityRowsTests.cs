using Ciptex.Voice.Data;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Sla;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Ciptex.Voice.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Tickets;

/// <summary>
/// A batch of tickets is written as rows, without EF Core's change tracker (<see cref="EntityRows{T}"/>). Every
/// column must read back through EF Core as it was written: a column left out or converted differently would show
/// on the dashboard, in the texts or in the SLA clock.
/// </summary>
public sealed class EntityRowsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 10, 15, 30, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_ticket_written_as_a_row_reads_back_with_every_column_as_written()
    {
        var ticket = new Ticket
        {
            Id = 904242, Reference = "CIP-004242", Category = FaultCategory.P2, Status = TicketStatus.Acknowledged, Channel = TicketChannel.Phone,
            CustomerId = 1, CallerNumber = "+447700900123", CallSid = "CA" + new string('1', 32), Summary = "Queue down",
            ClockPackage = SupportPackage.Extended, Chargeable = true, OpenedAt = At, FirstResponseDueAt = At.AddHours(2),
            FirstRespondedAt = At.AddMinutes(5), AcknowledgedAt = At.AddMinutes(1), AcknowledgedBy = "+447700900901", ResolvedAt = At.AddDays(1),
            Recategorisations = 2, RecordingSid = "RE" + new string('2', 32), RecordingUrl = "https://api.twilio.com/r", RecordingDurationSeconds = 37,
            Transcription = "The queue is down",
        };

        var (stored, model) = await RoundTripAsync(ticket, keyGiven: true, db => db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == 904242));

        AssertSameColumns(model, ticket, stored);
    }

    [Fact]
    public async Task A_text_written_as_a_row_reads_back_with_every_column_as_written_and_a_number_of_its_own()
    {
        var text = new OutboundMessage
        {
            IdempotencyKey = "ticket-confirmation:CIP-004242", To = "+447700900123", Body = "Ciptex: ticket CIP-004242", Purpose = "ticket-confirmation",
            Priority = MessagePriority.Page, TicketReference = "CIP-004242", Status = OutboundMessageStatus.Failed, Attempts = 3, CreatedAt = At,
            NextAttemptAt = At.AddSeconds(30), LeaseOwner = "host:1:abc", LeaseExpiresAt = At.AddMinutes(2), SentAt = At.AddSeconds(1),
            UpdatedAt = At.AddSeconds(2), TwilioSid = "SM" + new string('3', 32), Sender = "+443458800808", ErrorCode = 30003, ErrorMessage = "Unreachable",
        };

        var (stored, model) = await RoundTripAsync(text, keyGiven: false,
            db => db.Set<OutboundMessage>().AsNoTracking().SingleAsync(m => m.IdempotencyKey == text.IdempotencyKey));

        Assert.True(stored.Id > 0);
        AssertSameColumns(model, text, stored, except: nameof(OutboundMessage.Id));
    }

    [Fact]
    public async Task A_session_written_as_a_row_reads_back_with_every_column_as_written()
    {
        var session = new CallSession
        {
            CallSid = "CA" + new string('4', 32), From = "+447700900456", CustomerId = 2, Category = FaultCategory.P4, ProductionAffected = false,
            Chargeable = true, TicketId = 7, StartedAt = At, EndedAt = At.AddMinutes(3), EndStatus = "completed", HangUpPaged = true,
            AnnouncedPages = "twilio,ciptex", RecordingSid = "RE" + new string('5', 32), RecordingUrl = "https://api.twilio.com/s", Transcription = "Hello",
        };

        var (stored, model) = await RoundTripAsync(session, keyGiven: false, db => db.Set<CallSession>().AsNoTracking().SingleAsync(s => s.CallSid == session.CallSid));

        AssertSameColumns(model, session, stored);
    }

    [Fact]
    public async Task A_session_already_stored_is_left_as_it_was_when_a_retried_webhook_writes_it_again()
    {
        await using var app = new VoiceApp();
        var first = new CallSession { CallSid = "CA" + new string('6', 32), From = "+447700900456", StartedAt = At };
        var retry = new CallSession { CallSid = first.CallSid, From = "+447700900999", StartedAt = At.AddSeconds(15) };

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var rows = await EntityRows<CallSession>.PrepareAsync(db, onConflict: """ON CONFLICT ("CallSid") DO NOTHING""");
            Assert.True(await rows.InsertAsync(first));
            Assert.False(await rows.InsertAsync(retry));
            await transaction.CommitAsync();
        }

        var stored = await app.QueryAsync(db => db.Set<CallSession>().AsNoTracking().SingleAsync(s => s.CallSid == first.CallSid));
        Assert.Equal(("+447700900456", At), (stored.From, stored.StartedAt));
    }

    /// <summary>Written as a row on the demo data (customers 1 and 2 exist), then read through EF Core.</summary>
    private static async Task<(T Stored, IEntityType Model)> RoundTripAsync<T>(T entity, bool keyGiven, Func<VoiceDbContext, Task<T>> read) where T : class
    {
        await using var app = new VoiceApp();
        app.Settings["Demo:Seed"] = "true";
        IEntityType model;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VoiceDbContext>();
            model = db.Model.FindEntityType(typeof(T))!;
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var rows = await EntityRows<T>.PrepareAsync(db, keyGiven);
            Assert.True(await rows.InsertAsync(entity));
            await transaction.CommitAsync();
        }
        return (await app.QueryAsync(read), model);
    }

    /// <summary>Every mapped property, by EF Core's own model: a property added to the entity later is checked too.</summary>
    private static void AssertSameColumns<T>(IEntityType model, T written, T stored, params string[] except) where T : class
    {
        foreach (var property in model.GetProperties().Where(p => !except.Contains(p.Name)))
        {
            var expected = property.PropertyInfo!.GetValue(written);
            var actual = property.PropertyInfo.GetValue(stored);
            Assert.True(Equals(expected, actual), $"{typeof(T).Name}.{property.Name}: wrote {expected}, read {actual}");
        }
    }
}
