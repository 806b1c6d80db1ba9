using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetTopologySuite.Geometries;

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
    /// <summary>The stages (as stored) whose cases take further reports.</summary>
    private static readonly HashSet<string> TakesReports =
        [.. Enum.GetValues<CaseStage>().Where(s => CaseNames.IsOpen(s) || s is CaseStage.Deferred or CaseStage.Ledger).Select(CaseNames.Stage)];

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
        // The reports whose reach covers each cell, to weigh every case found only against those.
        var reportsByCell = reports.SelectMany(r => DuplicateRules.Neighbourhood(r.Lon, r.Lat, widest).Select(cell => (cell, r)))
            .ToLookup(x => x.cell, x => x.r);
        var cells = reportsByCell.Select(g => g.Key).ToList();
        var longest = categories.Count == 0 ? DuplicateWindow.Default.WindowHours : categories.Values.Max(c => c.DuplicateWindowHours);
        var since = reports.Min(r => r.ReportedAtMs) - (long)(longest * 3_600_000);
        // One indexed query for the open cases in those cells: lookups in the (SpotCell, ReportedAtMs)
        // index on both databases. The stage is checked on the few rows found: beside a stage
        // condition SQLite chose the stage index and scanned every open case.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var rows = (await OpenCasesInAsync(db, cells, since, ct)).Where(r => TakesReports.Contains(r.Stage)).ToList();
        var query = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        // Only the cases some report of the batch could join need their words: the category and the
        // distance rule out most of a busy neighbourhood before any text is read.
        var reachable = rows
            .Select(r => new { Row = r, Window = categories.GetValueOrDefault(r.CategoryCode)?.DuplicateWindow ?? DuplicateWindow.Default })
            .Where(x => reportsByCell[DuplicateRules.Cell(x.Row.Location.X, x.Row.Location.Y)].Any(p => Reaches(x.Row.CategoryCode, x.Window, x.Row.Location.X, x.Row.Location.Y, x.Row.ReportedAtMs, p)))
            .Select(x => x.Row)
            .ToList();
        // Most open cases nearby were read when they were opened; the rest are read once now.
        var texts = new Dictionary<Guid, ReportText>();
        foreach (var row in reachable)
        {
            if (reader.Remembered(row.Id) is { } known)
            {
                texts[row.Id] = known;
            }
        }
        var unread = reachable.Where(r => !texts.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        if (unread.Count > 0)
        {
            foreach (var c in await db.Cases.AsNoTracking().Where(c => unread.Contains(c.Id)).Select(c => new { c.Id, c.Description }).ToListAsync(ct))
            {
                texts[c.Id] = await reader.ReadCaseAsync(c.Id, c.Description);
            }
        }
        var candidates = reachable.Where(r => texts.ContainsKey(r.Id))
            .Select(r => new Candidate(r.Id, r.CategoryCode, r.Location.X, r.Location.Y, r.ReportedAtMs, texts[r.Id])).ToList();
        return new DuplicateFinder(candidates, categories)
        {
            _read = (cells.Count, rows.Count, reachable.Count, unread.Count, query),
        };
    }

    /// <summary>What the load read and how long its query took, for the intake writer's debug log.</summary>
    public string Summary => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"cells {_read.Cells}, open cases {_read.Rows}, within reach {_read.Reachable}, read now {_read.Unread}, query {_read.Query.TotalMilliseconds:F1} ms");

    /// <summary>The load's counts, kept as numbers: the summary is only written when the debug log is on.</summary>
    private (int Cells, int Rows, int Reachable, int Unread, TimeSpan Query) _read;

    /// <summary>Whether a report could join the case at all, before their words are compared: category, distance and time.</summary>
    private static bool Reaches(string caseCategory, DuplicateWindow window, double lon, double lat, long reportedAtMs, ReportProbe report) =>
        DuplicateRules.WithinReach(window, DuplicateRules.Meters(lon, lat, report.Lon, report.Lat), (report.ReportedAtMs - reportedAtMs) / 3_600_000.0)
        && DuplicateRules.Compatible(caseCategory, report.CategoryCode);

    private sealed record OpenCaseRow(Guid Id, string Stage, string CategoryCode, Point Location, long ReportedAtMs);

    /// <summary>
    /// The cases reported in the cells since the time. It goes straight to the connection: on
    /// PostgreSQL the cells are one array parameter (one statement, planned once); on SQLite, which
    /// has no arrays, they are our own numbers written into the statement, and a statement that
    /// differs in every batch would, through EF Core, be compiled again and kept in its query cache.
    /// </summary>
    private static async Task<List<OpenCaseRow>> OpenCasesInAsync(LinliDb db, List<long> cells, long since, CancellationToken ct)
    {
        var sql = new System.Text.StringBuilder("SELECT \"Id\", \"Stage\", \"CategoryCode\", \"Location\", \"ReportedAtMs\" FROM cases WHERE ");
        if (db.Provider == DatabaseProvider.Postgres)
        {
            sql.Append("\"SpotCell\" = ANY(@cells)");
        }
        else
        {
            sql.Append("\"SpotCell\" IN (").AppendJoin(',', cells.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(')');
        }
        sql.Append(" AND \"ReportedAtMs\" >= @since");
        // The point is read as EF Core maps it: a geometry on PostgreSQL, WKB through a converter on SQLite.
        var location = db.Model.FindEntityType(typeof(Case))!.FindProperty(nameof(Case.Location))!.GetTypeMapping().Converter;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
#pragma warning disable CA2100 // only numbers computed here go into the text; the time and the cells are parameters
            command.CommandText = sql.ToString();
#pragma warning restore CA2100
            AddParameter(command, "since", since);
            if (db.Provider == DatabaseProvider.Postgres)
            {
                AddParameter(command, "cells", cells.ToArray());
            }
            var rows = new List<OpenCaseRow>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var point = reader.GetValue(3);
                rows.Add(new OpenCaseRow(reader.GetGuid(0), reader.GetString(1), reader.GetString(2),
                    (Point)(location is null ? point : location.ConvertFromProvider(point)!), reader.GetInt64(4)));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The open case the report repeats, the best-scoring one when several qualify; null when it is new.</summary>
    public DuplicateMatch? Find(ReportProbe report)
    {
        DuplicateMatch? best = null;
        foreach (var candidate in _candidates)
        {
            var window = _categories.GetValueOrDefault(candidate.CategoryCode)?.DuplicateWindow ?? DuplicateWindow.Default;
            if (!Reaches(candidate.CategoryCode, window, candidate.Lon, candidate.Lat, candidate.ReportedAtMs, report) || candidate.Text.Differs(report.Text))
            {
                continue;
            }
            var score = DuplicateRules.Score(candidate.Text, report.Text);
            if (score >= DuplicateRules.Threshold && (best is null || score > best.Score))
            {
                best = new DuplicateMatch(candidate, score, DuplicateRules.Meters(candidate.Lon, candidate.Lat, report.Lon, report.Lat));
            }
        }
        return best;
    }

    /// <summary>A case opened in this batch becomes a candidate for the reports after it.</summary>
    public void Add(Candidate opened) => _candidates.Add(opened);
}
