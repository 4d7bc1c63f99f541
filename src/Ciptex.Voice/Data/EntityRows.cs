using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ciptex.Voice.Data;

/// <summary>
/// Inserts rows of one entity type through one prepared statement on the context's open transaction, with the
/// columns, names and conversions read from EF Core's model, so it cannot drift from the mapping. For a batch of
/// new rows that need none of the change tracker: tracked and saved by EF Core a ticket's rows cost more CPU than
/// the database spent on them, while the write lock was held (docs/benchmarks.md). Nothing here is tracked, and
/// saves' interceptors do not see these rows. On SQLite the values are bound by position straight to the prepared
/// statement (<see cref="SqliteRowStatement"/>).
/// </summary>
internal sealed class EntityRows<T> : IAsyncDisposable where T : class
{
    private readonly Column[] _columns;
    private readonly SqliteRowStatement? _sqlite;
    private readonly DbCommand? _command;

    private EntityRows(Column[] columns, SqliteRowStatement? sqlite, DbCommand? command) =>
        (_columns, _sqlite, _command) = (columns, sqlite, command);

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        public Type ProviderType => Mapping.Converter?.ProviderClrType ?? Property.ClrType;

        public object? ProviderValue(T entity)
        {
            var value = Getter.GetClrValue(entity);
            return value is null ? null : Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }

    /// <param name="keyGiven">Whether the rows carry a key the database would otherwise generate (a ticket's number on SQLite).</param>
    /// <param name="onConflict">Appended to the statement, e.g. <c>ON CONFLICT ("CallSid") DO NOTHING</c>.</param>
    public static async Task<EntityRows<T>> PrepareAsync(VoiceDbContext db, bool keyGiven = false, string? onConflict = null)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted inside the caller's transaction.");
        var columns = entityType.GetProperties()
            .Where(p => keyGiven || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => new Column(p, p.GetGetter(), (RelationalTypeMapping)p.GetTypeMapping()))
            .ToArray();
        var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))
            .Append(") VALUES (").AppendJoin(", ", columns.Select((_, i) => ParameterName(i)))
            .Append(')').Append(onConflict is null ? "" : " " + onConflict).ToString();

        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite && columns.All(c => SqliteRowStatement.CanBind(c.ProviderType)))
            return new EntityRows<T>(columns, SqliteRowStatement.Prepare(sqlite, text), command: null);

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        for (var i = 0; i < columns.Length; i++)
        {
            // Typed as EF Core would type it: a prepared statement on PostgreSQL needs every parameter's type up front.
            command.Parameters.Add(columns[i].Mapping.CreateParameter(command, ParameterName(i), null, columns[i].Property.IsNullable));
        }
        await command.PrepareAsync();
        return new EntityRows<T>(columns, sqlite: null, command);
    }

    private static string ParameterName(int position) => $"@p{position}";

    /// <returns>Whether a row was inserted (false when <c>onConflict</c> skipped it).</returns>
    public async Task<bool> InsertAsync(T entity)
    {
        if (_sqlite is { } sqlite)
        {
            for (var i = 0; i < _columns.Length; i++)
                sqlite.Bind(i + 1, _columns[i].ProviderValue(entity));
            return sqlite.Execute() == 1;
        }
        for (var i = 0; i < _columns.Length; i++)
            _command!.Parameters[i].Value = _columns[i].ProviderValue(entity) ?? DBNull.Value;
        return await _command!.ExecuteNonQueryAsync() == 1;
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_command is not null)
            await _command.DisposeAsync();
    }
}
