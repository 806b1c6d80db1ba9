using Linli.Infrastructure.Spreadsheets;
using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Spreadsheets;

/// <summary>A sheet after checking: the rows ready to write, or every problem found.</summary>
internal sealed record ImportCheck(SheetLayout Layout, IReadOnlyList<CheckedRow> Rows, IReadOnlyList<SheetError> Errors, int TotalRows);

/// <summary>
/// Checks a whole sheet before writing anything, then writes it in one transaction: a file with
/// one bad row is refused whole, with every bad row, column and reason, and nothing is stored.
/// </summary>
internal sealed class ListImporter(
    IDbContextFactory<LinliDb> dbFactory,
    IDemandIntake intake,
    IRegionLookup regions,
    IAccessControl access,
    PersonalDataProtector protector,
    IAuditLog audit,
    TimeProvider clock)
{
    /// <summary>Beyond this many the answer says how many more; a sheet that wrong is better fixed in bulk.</summary>
    public const int MaxReportedErrors = 10_000;

    private const int Chunk = 500;

    public async Task<ImportCheck> CheckAsync(SheetLayout layout, Stream xlsx, ClaimsPrincipal user, Func<int, int, Task>? progress, CancellationToken ct)
    {
        var (rows, errors) = SheetReader.Read(xlsx, layout);
        if (errors.Count > 0)
        {
            return new ImportCheck(layout, [], errors, rows.Count);
        }
        var scopes = await access.ScopesAsync(user, Permissions.ListsManage);
        var actor = Actor(user);
        var problems = new List<SheetError>();
        var checkedRows = new List<CheckedRow>(rows.Count);
        var regionColumn = layout.Column("regionCode").Header;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (SheetRows.Check(layout, row, actor, regions, problems) is { } good)
            {
                if (scopes is not null && !scopes.Any(scope => RegionScope.Covers(scope, good.RegionCode)))
                {
                    problems.Add(new SheetError(row.Number, regionColumn, $"'{good.RegionCode}' is outside the regions you keep lists for"));
                }
                else
                {
                    checkedRows.Add(good);
                }
            }
            if (progress is not null && (i + 1) % 1_000 == 0)
            {
                await progress(rows.Count, i + 1);
            }
        }
        return new ImportCheck(layout, problems.Count == 0 ? checkedRows : [], problems, rows.Count);
    }

    /// <summary>Writes a clean check in one transaction; returns how many entries were added.</summary>
    public async Task<int> WriteAsync(ImportCheck check, ClaimsPrincipal user, string fileName, Func<int, Task>? progress, CancellationToken ct)
    {
        if (check.Errors.Count > 0)
        {
            throw new InvalidOperationException("A refused sheet is never written.");
        }
        var actor = Actor(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var written = 0;
        foreach (var chunk in check.Rows.Chunk(Chunk))
        {
            var now = clock.GetUtcNow();
            foreach (var row in chunk)
            {
                switch (row)
                {
                    case CheckedDemand demand:
                        intake.Add(db, demand.Draft);
                        break;
                    case CheckedResourceRow resource:
                        RecordResource.RecordResource.Add(db, resource.Resource, protector, actor, now);
                        break;
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            written += chunk.Length;
            if (progress is not null)
            {
                await progress(written);
            }
        }
        await transaction.CommitAsync(ct);
        await audit.RecordForAsync(user, $"lists.import.{check.Layout.Kind}", fileName, AuditOutcomes.Success, $"{written} rows", ct);
        return written;
    }

    public static string Actor(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "system";

    /// <summary>The errors as the answer lists them, with how many were left out.</summary>
    public static (IReadOnlyList<SheetError> Listed, int LeftOut) Reported(IReadOnlyList<SheetError> errors) =>
        errors.Count <= MaxReportedErrors ? (errors, 0) : (errors.Take(MaxReportedErrors).ToList(), errors.Count - MaxReportedErrors);
}
