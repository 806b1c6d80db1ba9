using System.Globalization;
using System.Text;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Indicators;

/// <summary>The state of a case just before an action, to count what the action completed.</summary>
public sealed record CaseBefore(CaseStage Stage, DateTimeOffset StageStartedAt, long? StageDeadlineMs, string? Unit)
{
    public static CaseBefore Of(Case c) => new(c.Stage, c.StageStartedAt, c.StageDeadlineMs, c.AssignedUnit);
}

/// <summary>Turns one case event into counter increments and writes them with a single upsert.</summary>
internal static class CaseCounters
{
    public static IEnumerable<string> Scopes(Case c, string? unit)
    {
        yield return $"region:{c.DistrictCode[..4]}00";
        yield return $"region:{c.DistrictCode}";
        if (c.StreetCode is not null) yield return $"region:{c.StreetCode}";
        if (c.CommunityCode is not null) yield return $"region:{c.CommunityCode}";
        yield return $"region:{c.GridCode}";
        if (unit is not null) yield return $"unit:{unit}";
    }

    public static Dictionary<string, long> Metrics(Case c, string action, CaseBefore? before, DateTimeOffset now, bool wasDeferred)
    {
        var metrics = new Dictionary<string, long>();
        void Add(string metric, long value = 1) => metrics[metric] = metrics.GetValueOrDefault(metric) + value;
        if (action == "report")
        {
            Add("reported");
        }
        if (action == "attach-report")
        {
            // A further report of an open case: counted, but not as a case of its own.
            Add("duplicate-reports");
        }
        if (before is not null && before.Stage != c.Stage && StageLimits.Loop.Contains(before.Stage))
        {
            var stage = CaseNames.Stage(before.Stage);
            Add($"stage-done:{stage}");
            Add($"stage-ms:{stage}", (long)(now - before.StageStartedAt).TotalMilliseconds);
            if (before.StageDeadlineMs is null || now.ToUnixTimeMilliseconds() <= before.StageDeadlineMs)
            {
                Add($"stage-on-time:{stage}");
            }
        }
        switch (action)
        {
            case "dispatch":
                Add("dispatched");
                if (c.DispatchCount > 1 && c.ReturnCount > 0)
                {
                    Add("redispatched");
                }
                break;
            case "verify" when c.Stage == CaseStage.Dispatched:
                Add("reworked");
                break;
            case "close" or "self-handle":
                Add("closed");
                if (c.ClosedOnTime) Add("closed-on-time");
                if (wasDeferred)
                {
                    Add("closed-deferred");
                    if (c.ClosedOnTime) Add("closed-on-time-deferred");
                }
                break;
            case "merge":
                Add("merged");
                break;
            case "evaluate":
                Add("rated");
                Add("rating-sum", c.Rating ?? 0);
                if (c.Rating >= 4) Add("rated-satisfied");
                break;
        }
        return metrics;
    }

    /// <summary>
    /// Months for every scope; days only down to streets and for units, which is where daily
    /// figures are read (a day per grid would multiply the rows by thirty for little use).
    /// </summary>
    public static IEnumerable<string> PeriodsOf(string scope, string[] dayAndMonth) =>
        scope.StartsWith("region:", StringComparison.Ordinal) && scope.Length > "region:".Length + 9 ? [dayAndMonth[1]] : dayAndMonth;

    /// <summary>Adds the metrics to every scope of the case for the day and the month of <paramref name="now"/>.</summary>
    public static Task RecordAsync(LinliDb db, Case c, string action, CaseBefore? before, DateTimeOffset now, bool wasDeferred, CancellationToken ct) =>
        UpsertAsync(db, Rows(c, action, before, now, wasDeferred), ct);

    /// <summary>The same for a batch of intake events (reports and attached duplicates), in one statement.</summary>
    public static Task RecordManyAsync(LinliDb db, IEnumerable<(Case Case, string Action, DateTimeOffset Now)> events, CancellationToken ct)
    {
        var total = new Dictionary<(string Scope, string Period, string Metric), long>();
        foreach (var (c, action, now) in events)
        {
            foreach (var (key, value) in Rows(c, action, null, now, wasDeferred: false))
            {
                total[key] = total.GetValueOrDefault(key) + value;
            }
        }
        return UpsertAsync(db, total, ct);
    }

    private static Dictionary<(string Scope, string Period, string Metric), long> Rows(Case c, string action, CaseBefore? before, DateTimeOffset now, bool wasDeferred)
    {
        var rows = new Dictionary<(string, string, string), long>();
        var metrics = Metrics(c, action, before, now, wasDeferred);
        if (metrics.Count == 0)
        {
            return rows;
        }
        var local = now.ToOffset(WorkingCalendar.ChinaStandardTime);
        var periods = new[] { local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("yyyy-MM", CultureInfo.InvariantCulture) };
        var unit = c.AssignedUnit ?? before?.Unit;
        foreach (var scope in Scopes(c, unit))
        {
            foreach (var period in PeriodsOf(scope, periods))
            {
                foreach (var (metric, value) in metrics)
                {
                    rows[(scope, period, metric)] = value;
                }
            }
        }
        return rows;
    }

    private static async Task UpsertAsync(LinliDb db, Dictionary<(string Scope, string Period, string Metric), long> rows, CancellationToken ct)
    {
        // SQLite allows 32,766 parameters a statement; four per row.
        foreach (var chunk in rows.Chunk(4_000))
        {
            var sql = new StringBuilder("INSERT INTO case_counters (scope, period, metric, value) VALUES ");
            var parameters = new List<object>(chunk.Length * 4);
            foreach (var ((scope, period, metric), value) in chunk)
            {
                var i = parameters.Count;
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{i}}}, {{{i + 1}}}, {{{i + 2}}}, {{{i + 3}}})");
                parameters.AddRange([scope, period, metric, value]);
            }
            // The same upsert on SQLite and PostgreSQL: atomic, so concurrent cases never lose a count.
            sql.Append(" ON CONFLICT (scope, period, metric) DO UPDATE SET value = case_counters.value + excluded.value");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
