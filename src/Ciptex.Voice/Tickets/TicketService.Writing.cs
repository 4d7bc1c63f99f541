using System.Globalization;
using Ciptex.Voice.Customers;
using Ciptex.Voice.Data;
using Ciptex.Voice.Ivr;
using Ciptex.Voice.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ciptex.Voice.Tickets;

/// <summary>The <see cref="TicketWriter"/>'s part of opening tickets: a batch numbered, written and saved in its transaction.</summary>
public sealed partial class TicketService
{
    /// <summary>The <see cref="TicketWriter"/>'s transaction; on SQLite it holds the database's one write lock from its start.</summary>
    internal Task<IDbContextTransaction> BeginAsync() => db.Database.BeginTransactionAsync();

    /// <summary>
    /// The <see cref="TicketWriter"/>'s part, inside its transaction: numbers the tickets, links their sessions, adds the
    /// texts they cause and saves them all together.
    /// </summary>
    internal async Task<List<Ticket>> WriteAsync(IReadOnlyList<TicketToStore> batch)
    {
        var nextId = db.OnSqlite ? await NextSqliteTicketId(db, CancellationToken.None) : 0;
        var tickets = new List<Ticket>(batch.Count);
        var customers = new Dictionary<int, Customer>();
        var tracked = false;
        await using var rows = new TicketRows(db, wake);
        // Each added entity would otherwise have every one added before it scanned for changes (by the lookups of
        // the outbox and the pager, and twice by the save): they are all detected once, before the save.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var (ticket, customer, session, sessionIsNew) in batch)
            {
                // Written again on its own after a batch failed: what the failed attempt added is gone with its rollback.
                ticket.Escalations.Clear();
                // A P1 pages the escalation matrix, which the pager does through the change tracker.
                if (db.OnSqlite && ticket.Category != FaultCategory.P1)
                    await WriteRowsAsync(rows, ticket, nextId++, session, sessionIsNew);
                else
                {
                    ticket.Customer = customer is null ? null : customers.TryGetValue(customer.Id, out var known) ? known : customers[customer.Id] = db.Attach(customer).Entity;
                    await NumberAsync(ticket, db.OnSqlite ? nextId++ : (long?)null);
                    if (session is not null)
                        LinkSession(session, sessionIsNew, ticket.Id);
                    await AnnounceAsync(ticket, CancellationToken.None);
                    tracked = true;
                }
                tickets.Add(ticket);
            }
            if (tracked)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return tickets;
    }

    /// <summary>The ticket, its session and the caller's text as rows, numbered from the SQLite counter read for the batch.</summary>
    private async Task WriteRowsAsync(TicketRows rows, Ticket ticket, long id, CallSession? session, bool sessionIsNew)
    {
        ticket.Id = id;
        ticket.Reference = Ticket.ReferenceFor(id);
        await rows.InsertAsync(ticket);
        if (session is not null && sessionIsNew)
        {
            session.TicketId = ticket.Id;
            await rows.InsertAsync(session);
        }
        else if (session is not null)
            await rows.LinkAsync(session.CallSid, ticket.Id);
        if (ticket.Channel == TicketChannel.Phone && Confirmation(ticket) is { } text)
            await rows.InsertAsync(outbox.Untracked(text));
    }

    /// <summary>
    /// Gives the ticket its number, and the reference made of it, inside the transaction that stores it. On SQLite
    /// that transaction holds the database's one write lock from its start (BEGIN IMMEDIATE), so the next numbers are
    /// read once and each ticket is written once, with its reference and text; elsewhere the database numbers it on
    /// insert and the reference follows in a second statement. The lock is held while tickets are written: every
    /// statement saved here is a statement the next callers do not wait for (docs/benchmarks.md).
    /// </summary>
    private async Task NumberAsync(Ticket ticket, long? id)
    {
        if (id is { } given)
        {
            ticket.Id = given;
            ticket.Reference = Ticket.ReferenceFor(ticket.Id);
            db.Add(ticket);
            return;
        }
        db.Add(ticket);
        await db.SaveChangesAsync();
        ticket.Reference = Ticket.ReferenceFor(ticket.Id);
    }

    private void LinkSession(CallSession session, bool isNew, long ticketId)
    {
        if (isNew)
        {
            session.TicketId = ticketId;
            db.Add(session);
            return;
        }
        // Only the link is written: whatever else the caller changed in its session is the caller's to save.
        var link = new CallSession { CallSid = session.CallSid };
        db.Attach(link);
        link.TicketId = ticketId;
    }

    // AUTOINCREMENT's own counter, so a number is never given twice even if a ticket were deleted. A plain command on
    // the transaction's connection: this runs while the write lock is held, and EF's SqlQuery translates its query
    // anew on every call.
    private static async Task<long> NextSqliteTicketId(VoiceDbContext db, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """SELECT COALESCE((SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'Ticket'), 0) + 1""";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
