using System.Globalization;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.Indicators;

public sealed record StageIndicator(long Done, double? OnTimeRate, double? AverageMinutes);

public sealed record Satisfaction(long Rated, double? Average, double? SatisfiedShare);

/// <summary>The indicators of DOMAIN.md §2 for one region or unit in one day or month.</summary>
public sealed record IndicatorReport(
    string Scope,
    string Period,
    long Reported,
    long Closed,
    double? ClosingRate,
    double? OnTimeClosingRate,
    double? OnTimeClosingRateExcludingDeferred,
    double? ReworkRate,
    double? AccurateDispatchRate,
    IReadOnlyDictionary<string, StageIndicator> Stages,
    Satisfaction Satisfaction,
    long OverdueNotDisposed);

internal static class GetIndicators
{
    public static async Task<Ok<IndicatorReport>> Handle(string? region, string? unit, string? period, HttpContext http, LinliDb db,
        IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        if ((region is null) == (unit is null))
        {
            throw new RequestValidationException("region", "give either region or unit");
        }
        var when = period ?? clock.GetUtcNow().ToOffset(Calendar.WorkingCalendar.ChinaStandardTime).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(when.Length == 7 ? when + "-01" : when, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new RequestValidationException("period", "a month (2026-11) or a day (2026-11-28)");
        }
        if (region is not null)
        {
            await access.EnsureAsync(http.User, Permissions.CasesRead, region);
        }
        else if (await access.DenialAsync(http.User, Permissions.CasesRead) is not null
                 || ((await access.ScopesAsync(http.User, Permissions.CasesRead)) is not null
                     && !(await access.AssignmentsAsync(http.User)).Any(a => a.Department == unit)))
        {
            throw new ForbiddenException($"Not allowed: the indicators of unit {unit} are for its staff and city-wide supervisors.");
        }
        var scope = region is not null ? $"region:{region}" : $"unit:{unit}";
        var counts = await db.CaseCounters.AsNoTracking().Where(k => k.Scope == scope && k.Period == when).ToDictionaryAsync(k => k.Metric, k => k.Value, ct);
        long C(string metric) => counts.GetValueOrDefault(metric);
        static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        var stages = StageLimits.Loop.Select(CaseNames.Stage).ToDictionary(s => s, s => new StageIndicator(
            C($"stage-done:{s}"), Rate(C($"stage-on-time:{s}"), C($"stage-done:{s}")),
            C($"stage-done:{s}") == 0 ? null : Math.Round(C($"stage-ms:{s}") / 60_000.0 / C($"stage-done:{s}"), 1)));
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var open = new[] { CaseStage.Reported, CaseStage.Accepted, CaseStage.Filed, CaseStage.Dispatched };
        var overdue = db.Cases.AsNoTracking().Where(c => open.Contains(c.Stage) && c.StageDeadlineMs != null && c.StageDeadlineMs <= nowMs);
        overdue = region is not null ? overdue.WhereCodeStartsWith(c => c.GridCode, RegionScope.Prefix(region)) : overdue.Where(c => c.AssignedUnit == unit);
        return TypedResults.Ok(new IndicatorReport(scope, when, C("reported"), C("closed"),
            Rate(C("closed"), C("reported")),
            Rate(C("closed-on-time"), C("closed")),
            Rate(C("closed-on-time") - C("closed-on-time-deferred"), C("closed") - C("closed-deferred")),
            Rate(C("reworked"), C("closed")),
            C("dispatched") == 0 ? null : Math.Round(1 - (double)C("redispatched") / C("dispatched"), 4),
            stages,
            new Satisfaction(C("rated"), C("rated") == 0 ? null : Math.Round((double)C("rating-sum") / C("rated"), 2), Rate(C("rated-satisfied"), C("rated"))),
            await overdue.CountAsync(ct)));
    }
}
