using System.Data;
using System.Data.Common;
using Ciptex.Voice.Data;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ciptex.Voice.Tickets;

/// <summary>
/// The rows of a batch of new tickets written without the change tracker (<see cref="TicketService"/>): the ticket,
/// the caller's text and the call's session or its link to the ticket, each through a statement prepared once for
/// the batch, inside the <see cref="TicketWriter"/>'s transaction.
/// </summary>
internal sealed class TicketRows(VoiceDbContext db, OutboxWakeInterceptor wake) : IAsyncDisposable
{
    private EntityRows<Ticket>? _tickets;
    private EntityRows<OutboundMessage>? _texts;
    private EntityRows<CallSession>? _sessions;
    private DbCommand? _link;

    public async Task InsertAsync(Ticket ticket) => await (_tickets ??= await EntityRows<Ticket>.PrepareAsync(db, keyGiven: true)).InsertAsync(ticket);

    public async Task InsertAsync(OutboundMessage text)
    {
        await (_texts ??= await EntityRows<OutboundMessage>.PrepareAsync(db)).InsertAsync(text);
        wake.AddedWithoutTracking(db);
    }

    public async Task InsertAsync(CallSession session) => await (_sessions ??= await EntityRows<CallSession>.PrepareAsync(db)).InsertAsync(session);

    /// <summary>Only the link is written: whatever else the caller changed in its session is the caller's to save.</summary>
    public async Task LinkAsync(string callSid, long ticketId)
    {
        _link ??= await PrepareLinkAsync();
        _link.Parameters[0].Value = ticketId;
        _link.Parameters[1].Value = callSid;
        await _link.ExecuteNonQueryAsync();
    }

    private async Task<DbCommand> PrepareLinkAsync()
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var table = db.Model.FindEntityType(typeof(CallSession))!.GetTableName()!;
        command.CommandText = $"UPDATE {sql.DelimitIdentifier(table)} SET {sql.DelimitIdentifier(nameof(CallSession.TicketId))} = @ticketId " +
                              $"WHERE {sql.DelimitIdentifier(nameof(CallSession.CallSid))} = @callSid";
        foreach (var (name, type) in new[] { ("@ticketId", DbType.Int64), ("@callSid", DbType.String) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            command.Parameters.Add(parameter);
        }
        await command.PrepareAsync();
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_tickets is not null)
            await _tickets.DisposeAsync();
        if (_texts is not null)
            await _texts.DisposeAsync();
        if (_sessions is not null)
            await _sessions.DisposeAsync();
        if (_link is not null)
            await _link.DisposeAsync();
    }
}
