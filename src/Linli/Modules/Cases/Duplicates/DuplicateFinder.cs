using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Modules.Cases.Duplicates;

/// <summary>An open case a report may repeat, read for comparison.</summary>
public sealed record Candidate(Guid Id, string CategoryCode, double Lon, double Lat, long ReportedAtMs, ReportText Text);

/// <summary>A new report as the duplicate check sees it.</summary>
public sealed record ReportProbe(string CategoryCode, double Lon, double Lat, long ReportedAtMs, ReportText Text);

/// <summary>The case a report repeats, with the score that decided it.</summary>
public sealed record DuplicateMatch(Candidate Case, double Score, double Meters);

/// <summary>
/// Finds, for a batch of new reports, the open case each one repeats: one indexed query for the
/// open cases in the cells within reach of the reports (<see cref="DuplicateRules.Cell(double, double)"/>), then the
/// rules in memory. Cases opened earlier in the same batch are candidates too, so a burst of
/// reports that arrive together still makes one case.
/// </summary>
public sealed class DuplicateFinder
{
    private static readonly CaseStage[] TakesReports =
        [.. Enum.GetValues<CaseStage>().Where(s => CaseNames.IsOpen(s) || s is CaseStage.Deferred or CaseStage.Ledger)];

    private readonly List<Candidate> _candidates;
    private readonly IReadOnlyDictionary<string, MinorCategory> _categories;

    private DuplicateFinder(List<Candidate> candidates, IReadOnlyDictionary<string, MinorCategory> categories)
    {
        _candidates = candidates;
        _categories = categories;
    }

    public static async Task<DuplicateFinder> LoadAsync(LinliDb db, IReadOnlyList<ReportProbe> reports,
        IReadOnlyDictionary<string, MinorCategory> categories, ReportReader reader, CancellationToken ct)
    {
        if (reports.Count == 0)
        {
            return new DuplicateFinder([], categories);
        }
        var widest = categories.Count == 0 ? DuplicateWindow.Default.RadiusMeters : categories.Values.Max(c => c.DuplicateRadiusMeters);
        var cells = reports.SelectMany(r => DuplicateRules.Neighbourhood(r.Lon, r.Lat, widest)).Distinct().ToList();
        var longest = categories.Count == 0 ? DuplicateWindow.Default.WindowHours : categories.Values.Max(c => c.DuplicateWindowHours);
        var since = reports.Min(r => r.ReportedAtMs) - (long)(longest * 3_600_000);
        var stages = TakesReports;
        // The cells are our own numbers, written into the statement, so that both
        // databases plan it as lookups in the (SpotCell, ReportedAtMs) index (a collection parameter, and a
        // stage condition, led SQLite to other indexes); the stage is checked on the few rows found.
        // The statement differs in every batch, so it goes straight to the connection: through EF Core
        // each one would be compiled again and kept in its query cache.
        var ids = await OpenCasesInAsync(db, cells, since, ct);
        // By key alone: with a stage condition beside a long key list, SQLite chose the stage index
        // and scanned every open case (7 ms for 50 keys, against 0.5 ms).
        var rows = ids.Count == 0 ? [] : (await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Stage, c.CategoryCode, c.Location, c.ReportedAtMs })
            .ToListAsync(ct)).Where(c => stages.Contains(c.Stage)).ToList();
        // Most open cases nearby were read when they were opened; the rest are read once now.
        var texts = new Dictionary<Guid, ReportText>();
        foreach (var row in rows)
        {
            if (reader.Remembered(row.Id) is { } known)
            {
                texts[row.Id] = known;
            }
        }
        var unread = rows.Where(r => !texts.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        if (unread.Count > 0)
        {
            foreach (var c in await db.Cases.AsNoTracking().Where(c => unread.Contains(c.Id)).Select(c => new { c.Id, c.Description }).ToListAsync(ct))
            {
                texts[c.Id] = await reader.ReadCaseAsync(c.Id, c.Description);
            }
        }
        var candidates = rows.Where(r => texts.ContainsKey(r.Id))
            .Select(r => new Candidate(r.Id, r.CategoryCode, r.Location.X, r.Location.Y, r.ReportedAtMs, texts[r.Id])).ToList();
        return new DuplicateFinder(candidates, categories);
    }

    private static async Task<List<Guid>> OpenCasesInAsync(LinliDb db, List<long> cells, long since, CancellationToken ct)
    {
        var sql = new System.Text.StringBuilder("SELECT \"Id\" FROM cases WHERE \"SpotCell\" IN (")
            .AppendJoin(',', cells.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(") AND \"ReportedAtMs\" >= @since");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // only numbers computed here go into the text; the time is a parameter
            command.CommandText = sql.ToString();
#pragma warning restore CA2100
            var parameter = command.CreateParameter();
            parameter.ParameterName = "since";
            parameter.Value = since;
            command.Parameters.Add(parameter);
            var ids = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetGuid(0));
            }
            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The open case the report repeats, the best-scoring one when several qualify; null when it is new.</summary>
    public DuplicateMatch? Find(ReportProbe report)
    {
        DuplicateMatch? best = null;
        foreach (var candidate in _candidates)
        {
            if (!DuplicateRules.Compatible(candidate.CategoryCode, report.CategoryCode))
            {
                continue;
            }
            var window = _categories.GetValueOrDefault(candidate.CategoryCode)?.DuplicateWindow ?? DuplicateWindow.Default;
            var meters = DuplicateRules.Meters(candidate.Lon, candidate.Lat, report.Lon, report.Lat);
            var hours = (report.ReportedAtMs - candidate.ReportedAtMs) / 3_600_000.0;
            if (!DuplicateRules.WithinReach(window, meters, hours) || candidate.Text.Differs(report.Text))
            {
                continue;
            }
            var score = DuplicateRules.Score(candidate.Text, report.Text);
            if (score >= DuplicateRules.Threshold && (best is null || score > best.Score))
            {
                best = new DuplicateMatch(candidate, score, meters);
            }
        }
        return best;
    }

    /// <summary>A case opened in this batch becomes a candidate for the reports after it.</summary>
    public void Add(Candidate opened) => _candidates.Add(opened);
}
