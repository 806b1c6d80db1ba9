using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// Writes the rows a unit of work has added, of the given types, as one multi-row INSERT per table,
/// all sent in one command, then stops tracking them. SaveChanges writes a row per statement and
/// reads back every generated key, which made it most of the intake writer's time; this keeps
/// EF Core's mapping (table and column names, value converters, the provider's parameter types)
/// and drops only the per-row work. Generated keys are left to the database and not read back,
/// so it suits rows nobody reads again in the same unit of work (history, notifications).
/// </summary>
internal static class AddedRowsWriter
{
    /// <summary>Below both SQLite's (32,766) and PostgreSQL's (65,535) limit of parameters per statement.</summary>
    private const int MaxParametersPerStatement = 30_000;

    /// <summary>Inserts the added rows of <paramref name="typesInOrder"/> in that order (parents before children) within the current transaction.</summary>
    public static async Task<int> WriteAsync(LinliDb db, IReadOnlyList<Type> typesInOrder, CancellationToken ct)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToLookup(e => e.Metadata.ClrType);
        var sql = db.GetInfrastructure().GetRequiredService<ISqlGenerationHelper>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder();
        var written = new List<EntityEntry>();
        foreach (var type in typesInOrder)
        {
            var entries = added[type].ToList();
            if (entries.Count > 0)
            {
                AppendInserts(text, command, sql, entries);
                written.AddRange(entries);
            }
        }
        if (written.Count == 0)
        {
            return 0;
        }
#pragma warning disable CA2100 // table and column names come from the EF model; every value is a parameter
        command.CommandText = text.ToString();
#pragma warning restore CA2100
        try
        {
            await command.ExecuteNonQueryAsync(ct);
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

    private static void AppendInserts(StringBuilder text, DbCommand command, ISqlGenerationHelper sql, List<EntityEntry> entries)
    {
        var entityType = entries[0].Metadata;
        var table = entityType.GetTableName() ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table");
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        // A key the database generates (identity, autoincrement) still holds EF's temporary value: leave it out.
        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(store) is not null && !entries[0].Property(p.Name).IsTemporary)
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping()))
            .ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table, entityType.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)))}) VALUES ";
        var rowsPerStatement = Math.Max(1, MaxParametersPerStatement / columns.Count);
        foreach (var chunk in entries.Chunk(rowsPerStatement))
        {
            text.Append(head);
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var (property, mapping) = columns[column];
                    var name = "p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    // The mapping applies the value converter and the provider's type, as SaveChanges would.
                    command.Parameters.Add(mapping.CreateParameter(command, sql.GenerateParameterName(name), chunk[row].CurrentValues[property], property.IsNullable));
                    text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }
                text.Append(')');
            }
            text.Append(";\n");
        }
    }
}
