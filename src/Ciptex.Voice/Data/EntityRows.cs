using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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
    private readonly DbCommand _command;
    private readonly Column[] _columns;
    private readonly SqliteRowStatement? _sqlite;

    private EntityRows(DbCommand command, Column[] columns, SqliteRowStatement? sqlite) =>
        (_command, _columns, _sqlite) = (command, columns, sqlite);

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);

    /// <param name="keyGiven">Whether the rows carry a key the database would otherwise generate (a ticket's number on SQLite).</param>
    /// <param name="onConflict">Appended to the statement, e.g. <c>ON CONFLICT ("CallSid") DO NOTHING</c>.</param>
    public static async Task<EntityRows<T>> PrepareAsync(VoiceDbContext db, bool keyGiven = false, string? onConflict = null)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Rows are inserted inside the caller's transaction.");
        var properties = entityType.GetProperties()
            .Where(p => keyGiven || !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .ToList();
        var columns = new Column[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            // Typed as EF Core would type it: a prepared statement on PostgreSQL needs every parameter's type up front.
            var mapping = (RelationalTypeMapping)property.GetTypeMapping();
            var parameter = mapping.CreateParameter(command, $"@p{i}", null, property.IsNullable);
            command.Parameters.Add(parameter);
            columns[i] = new Column(property, property.GetGetter(), mapping.Converter, parameter);
        }
        command.CommandText = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))
            .Append(") VALUES (").AppendJoin(", ", columns.Select(c => c.Parameter.ParameterName))
            .Append(')').Append(onConflict is null ? "" : " " + onConflict).ToString();
        if (command.Connection is SqliteConnection sqlite && columns.All(c => SqliteRowStatement.CanBind(ProviderType(c))))
            return new EntityRows<T>(command, columns, SqliteRowStatement.Prepare(sqlite, command.CommandText));
        await command.PrepareAsync();
        return new EntityRows<T>(command, columns, sqlite: null);
    }

    private static Type ProviderType(Column column) => column.Converter?.ProviderClrType ?? column.Property.ClrType;

    /// <returns>Whether a row was inserted (false when <c>onConflict</c> skipped it).</returns>
    public async Task<bool> InsertAsync(T entity)
    {
        if (_sqlite is { } sqlite)
        {
            for (var i = 0; i < _columns.Length; i++)
                sqlite.Bind(i + 1, ProviderValue(_columns[i], entity));
            return sqlite.Execute() == 1;
        }
        foreach (var column in _columns)
            column.Parameter.Value = ProviderValue(column, entity) ?? DBNull.Value;
        return await _command.ExecuteNonQueryAsync() == 1;
    }

    private static object? ProviderValue(Column column, T entity)
    {
        var value = column.Getter.GetClrValue(entity);
        return value is null ? null : column.Converter is null ? value : column.Converter.ConvertToProvider(value);
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        await _command.DisposeAsync();
    }
}
