using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Infrastructure.Spreadsheets;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Registry.Customers;
using Linli.Modules.Inspections.Registry.Plans;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry.Sheets;

/// <summary>What an import did: rows read, users added and updated (by account number), and the due list's refresh.</summary>
public sealed record ImportSummary(string Utility, int Rows, int Added, int Updated, int InspectionsOpened, long ElapsedMs);

/// <summary>The outcome for the page: a summary, or every bad row (row as the spreadsheet numbers it, column as headed, reason).</summary>
internal sealed record ImportOutcome(ImportSummary? Summary, IReadOnlyList<SheetError> Errors);

/// <summary>
/// All or nothing: every row is checked first (no query per row — the utility's users are read once),
/// then new users are added and known account numbers updated in one SaveChanges, which is one
/// transaction. A mature registry is re-imported from the billing system, so a known number updates.
/// </summary>
internal sealed class CustomerImporter(LinliDb db, IAccessControl access, IRegionLookup regions, PersonalDataProtector protector, DueSweep due,
    TimeProvider clock, ILogger<CustomerImporter> logger)
{
    public const int MaxReportedErrors = 10_000;

    public async Task<ImportOutcome> ImportAsync(Stream file, string? utility, ClaimsPrincipal user, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var phases = new System.Text.StringBuilder();
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsManage);
        var owner = scope.UtilityFor(utility);
        var layout = CustomerSheet.Layout;
        var (rows, readErrors) = SheetReader.Read(file, layout);
        if (readErrors.Count > 0)
        {
            return new ImportOutcome(null, readErrors);
        }
        phases.Append($"read {watch.ElapsedMilliseconds} ");
        var today = RegistryDefaults.Today(clock);
        var known = await db.UtilityCustomers.Where(c => c.Utility == owner).ToDictionaryAsync(c => c.Number, ct);
        var errors = new List<SheetError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var accepted = new List<CheckedCustomer>(rows.Count);
        foreach (var row in rows)
        {
            var (input, parseErrors) = CustomerSheet.Parse(row);
            var (x, ruleErrors) = CustomerRules.Check(input, regions, today);
            var rowErrors = parseErrors.Select(e => (Key: e.Key, e.Reason))
                .Concat(ruleErrors.Select(e => (Key: CustomerSheet.ColumnOf(e.Field), e.Reason)))
                .DistinctBy(e => e.Key)
                .ToList();
            var number = input.Number?.Trim() ?? "";
            if (number.Length > 0)
            {
                if (seen.TryGetValue(number, out var first))
                {
                    rowErrors.Add(("number", $"{number} appears again (first in row {first})"));
                }
                else
                {
                    seen[number] = row.Number;
                }
            }
            if (x is not null && !known.ContainsKey(x.Number) && (x.ContactName is null || x.ContactPhone is null))
            {
                rowErrors.Add((x.ContactName is null ? "contactName" : "contactPhone", "a new user needs the full contact, not a masked one"));
            }
            errors.AddRange(rowErrors.Select(e => new SheetError(row.Number, layout.Column(e.Key).Header, e.Reason)));
            if (x is not null && rowErrors.Count == 0)
            {
                accepted.Add(x);
            }
        }
        if (errors.Count > 0)
        {
            return new ImportOutcome(null, errors);
        }

        phases.Append($"check {watch.ElapsedMilliseconds} ");
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var book = await due.RulesAsync(db, owner, ct);
        var actor = EditCustomers.Actor(user);
        var added = new List<UtilityCustomer>();
        var updated = 0;
        foreach (var x in accepted)
        {
            if (known.TryGetValue(x.Number, out var existing))
            {
                CustomerRules.Apply(existing, x, protector, nowMs);
                if (existing.Active && existing.NextDueOn is null)
                {
                    DueInspections.Schedule(existing, book, nowMs);
                }
                updated++;
            }
            else
            {
                var customer = new UtilityCustomer(Guid.NewGuid(), owner, x.Number, actor, nowMs);
                CustomerRules.Apply(customer, x, protector, nowMs);
                DueInspections.Schedule(customer, book, nowMs);
                added.Add(customer);
            }
        }
        phases.Append($"apply {watch.ElapsedMilliseconds} ");
        db.UtilityCustomers.AddRange(added);
        // One history entry for the import, not one per row: on SQLite every row is its own INSERT, and a user's
        // CreatedBy/UpdatedAt already say who registered or last changed it.
        db.InspectionEvents.Add(new InspectionEvent(Guid.NewGuid(), "import", "imported", actor,
            $"{owner}: {rows.Count} rows, {added.Count} added, {updated} updated", nowMs));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        phases.Append($"save {watch.ElapsedMilliseconds} ");
        var refresh = await due.RefreshAsync(db, owner, null, ct);
        phases.Append($"refresh {watch.ElapsedMilliseconds}");
        logger.LogInformation("Imported {Rows} {Utility} users ({Added} added, {Updated} updated); ms at the end of each phase: {Phases}",
            rows.Count, owner, added.Count, updated, phases);
        return new ImportOutcome(new ImportSummary(owner, rows.Count, added.Count, updated, refresh.Opened, watch.ElapsedMilliseconds), []);
    }

    /// <summary>The 422 an API caller gets: nothing was imported, and why, row by row.</summary>
    public static UnprocessableException Refused(IReadOnlyList<SheetError> errors)
    {
        var rows = errors.Select(e => e.Row).Distinct().Count();
        var refused = new UnprocessableException("The spreadsheet was refused; nothing was imported.",
            $"{errors.Count} problem(s) in {rows} row(s); see 'errors' (row numbers as the spreadsheet shows them, 1 is the header).");
        refused.Extensions["errors"] = errors.Take(MaxReportedErrors).ToList();
        if (errors.Count > MaxReportedErrors)
        {
            refused.Extensions["moreErrors"] = errors.Count - MaxReportedErrors;
        }
        return refused;
    }
}
