using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// Writes the rows a unit of work has added, of the given types, then stops tracking them.
/// SaveChanges builds a statement per row and reads back every generated key, which made it most
/// of the intake writer's time. This keeps EF Core's mapping (table and column names, value
/// converters, the provider's parameter types) and drops the per-row work: on PostgreSQL a binary
/// COPY per table; on SQLite, which binds every parameter of a command by a linear name search,
/// one prepared single-row INSERT per table run once per row (in process, so no round trips to
/// save). Generated keys are left to the database and not read back, so it suits rows nobody
/// reads again in the same unit of work (history, notifications).
/// </summary>
internal static class AddedRowsWriter
{
    /// <summary>Inserts the added rows of <paramref name="typesInOrder"/> in that order (parents before children) within the current transaction.</summary>
    public static async Task<int> WriteAsync(LinliDb db, IReadOnlyList<Type> typesInOrder, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToLookup(e => e.Metadata.ClrType);
        var tables = typesInOrder.Select(t => added[t].ToList()).Where(entries => entries.Count > 0).Select(entries => new Table(entries)).ToList();
        var written = tables.SelectMany(t => t.Entries).ToList();
        if (written.Count == 0)
        {
            return 0;
        }
        var sql = db.GetInfrastructure().GetRequiredService<ISqlGenerationHelper>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        try
        {
            if (db.Provider == DatabaseProvider.Sqlite)
            {
                foreach (var table in tables)
                {
                    await table.InsertRowByRowAsync(command, sql, ct);
                }
            }
            else
            {
                var connection = (NpgsqlConnection)command.Connection!;
                foreach (var table in tables)
                {
                    await table.CopyAsync(connection, command, sql, ct);
                }
            }
        }
        catch (DbException e)
        {
            // As SaveChanges reports it, so callers' retries on a lost race (a key or number taken meanwhile) still apply.
            throw new DbUpdateException($"Writing {written.Count} added rows failed: {e.Message}", e, written);
        }
        foreach (var entry in written)
        {
            entry.State = EntityState.Detached;
        }
        return written.Count;
    }

    private static void SetText(DbCommand command, string text)
    {
#pragma warning disable CA2100 // table and column names come from the EF model; every value is a parameter
        command.CommandText = text;
#pragma warning restore CA2100
    }

    /// <summary>The added rows of one entity type and the columns they are written to.</summary>
    private sealed class Table
    {
        private readonly string _name;
        private readonly string? _schema;
        private readonly List<(IProperty Property, RelationalTypeMapping Mapping, string Column)> _columns;

        public Table(List<EntityEntry> entries)
        {
            Entries = entries;
            var entityType = entries[0].Metadata;
            _name = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table");
            _schema = entityType.GetSchema();
            var store = StoreObjectIdentifier.Table(_name, _schema);
            // A key the database generates (identity, autoincrement) still holds EF's temporary value: leave it out.
            _columns = entityType.GetProperties()
                .Where(p => p.GetColumnName(store) is not null && !entries[0].Property(p.Name).IsTemporary)
                .Select(p => (p, (RelationalTypeMapping)p.GetRelationalTypeMapping(), p.GetColumnName(store)!))
                .ToList();
        }

        public List<EntityEntry> Entries { get; }

        public async Task InsertRowByRowAsync(DbCommand command, ISqlGenerationHelper sql, CancellationToken ct)
        {
            var names = Enumerable.Range(0, _columns.Count).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
            SetText(command, $"INSERT INTO {Target(sql)} VALUES ({string.Join(", ", names.Select(sql.GenerateParameterNamePlaceholder))})");
            foreach (var entry in Entries)
            {
                command.Parameters.Clear();
                AddParameters(command, sql, entry, names);
                // The command text stays the same, so the statement is prepared once and only re-bound.
                await command.ExecuteNonQueryAsync(ct);
            }
            command.Parameters.Clear();
        }

        /// <summary>PostgreSQL's binary COPY: no statement to parse or plan, the cheapest way in for the server.</summary>
        public async Task CopyAsync(NpgsqlConnection connection, DbCommand command, ISqlGenerationHelper sql, CancellationToken ct)
        {
            var copy = $"COPY {Target(sql)} FROM STDIN (FORMAT BINARY)";
            await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
            foreach (var entry in Entries)
            {
                await importer.StartRowAsync(ct);
                var values = entry.CurrentValues;
                foreach (var (property, mapping, _) in _columns)
                {
                    // The parameter EF Core would send carries the converted value and the column's type.
                    var parameter = (NpgsqlParameter)mapping.CreateParameter(command, "p", values[property], property.IsNullable);
                    if (parameter.Value is null or DBNull)
                    {
                        await importer.WriteNullAsync(ct);
                    }
                    else if (parameter.NpgsqlDbType != NpgsqlTypes.NpgsqlDbType.Unknown)
                    {
                        await importer.WriteAsync(parameter.Value, parameter.NpgsqlDbType, ct);
                    }
                    else
                    {
                        await importer.WriteAsync(parameter.Value, ct);
                    }
                }
            }
            await importer.CompleteAsync(ct);
        }

        /// <summary>The table and its columns, as both INSERT and COPY name them.</summary>
        private string Target(ISqlGenerationHelper sql) =>
            $"{sql.DelimitIdentifier(_name, _schema)} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Column)))})";

        private void AddParameters(DbCommand command, ISqlGenerationHelper sql, EntityEntry entry, List<string> names)
        {
            var values = entry.CurrentValues;
            for (var i = 0; i < _columns.Count; i++)
            {
                var (property, mapping, _) = _columns[i];
                // The mapping applies the value converter and the provider's type, as SaveChanges would.
                command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(names[i]), values[property], property.IsNullable));
            }
        }
    }
}
