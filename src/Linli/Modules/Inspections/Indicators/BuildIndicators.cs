using System.Security.Claims;
using System.Text.RegularExpressions;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>
/// Builds the indicator table for the caller's scope: the counts come grouped from the database,
/// the repair times of the period are read for the percentiles, and the rows are folded here.
/// </summary>
internal static partial class BuildIndicators
{
    /// <summary>Work nobody was assigned to (a due inspection no round took up).</summary>
    public const string Unassigned = "-";

    public static async Task<IndicatorReport> BuildAsync(string? from, string? to, string? utility, string? district, ClaimsPrincipal user,
        LinliDb db, IAccessControl access, IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var period = IndicatorPeriod.Parse(from, to, clock);
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        utility = CheckUtility(scope, utility);
        district = CheckDistrict(scope, district);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();

        var customers = IndicatorQueries.Customers(db, scope, utility, district);
        var completion = await IndicatorQueries.CompletionAsync(db, customers, period, ct);
        var found = await IndicatorQueries.FoundAsync(db, customers, period, ct);
        var deadlines = await IndicatorQueries.DeadlinesAsync(db, customers, period, ct);
        var overdue = await IndicatorQueries.OverdueAsync(db, customers, period.Today, ct);
        var repairs = await IndicatorQueries.RepairsAsync(db, scope, utility, district, period, ct);

        var total = new IndicatorTally();
        var districts = new SortedDictionary<string, IndicatorTally>(StringComparer.Ordinal);
        var inspectors = new SortedDictionary<string, IndicatorTally>(StringComparer.Ordinal);
        var crews = new Dictionary<string, IndicatorTally>(StringComparer.Ordinal);
        static IndicatorTally Of(IDictionary<string, IndicatorTally> rows, string key) =>
            rows.TryGetValue(key, out var row) ? row : rows[key] = new IndicatorTally();

        foreach (var c in completion)
        {
            total.Add(c);
            Of(districts, c.District).Add(c);
            Of(inspectors, c.Inspector ?? Unassigned).Add(c);
        }
        foreach (var f in found)
        {
            total.Add(f);
            Of(districts, f.District).Add(f);
            Of(inspectors, f.FoundBy).Add(f);
        }
        foreach (var d in deadlines)
        {
            total.Add(d, period.Today);
            Of(districts, d.District).Add(d, period.Today);
            Of(inspectors, d.FoundBy).Add(d, period.Today);
        }
        foreach (var o in overdue)
        {
            total.Overdue += o.Count;
            Of(districts, o.District).Overdue += o.Count;
        }
        foreach (var r in repairs)
        {
            total.Repairs.Add(r);
            Of(districts, DistrictOf(r.RegionCode)).Repairs.Add(r);
            Of(crews, r.CrewId?.ToString() ?? Unassigned).Repairs.Add(r);
        }

        var crewIds = repairs.Where(r => r.CrewId is not null).Select(r => r.CrewId!.Value).Distinct().ToList();
        var crewNames = await db.RepairCrews.AsNoTracking().Where(c => crewIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id.ToString(), c => c.Name, ct);

        return new IndicatorReport(period.From, period.To, period.Today, utility, district, nowMs,
            new IndicatorRow("", Lang.T("合计", "Total"), total.Plan(), total.Hazards(), total.Rectification(), total.RepairTimes(nowMs), total.Overdue),
            [.. districts.Select(d => new IndicatorRow(d.Key, DistrictName(regions, d.Key), d.Value.Plan(), d.Value.Hazards(), d.Value.Rectification(),
                d.Value.RepairTimes(nowMs), d.Value.Overdue))],
            [.. inspectors.Select(i => new IndicatorRow(i.Key, i.Key == Unassigned ? Lang.T("未分派", "Unassigned") : i.Key,
                i.Value.Plan(), i.Value.Hazards(), i.Value.Rectification(), null, null))],
            [.. crews.OrderBy(c => crewNames.GetValueOrDefault(c.Key, "\uffff"), StringComparer.Ordinal)
                .Select(c => new IndicatorRow(c.Key, crewNames.GetValueOrDefault(c.Key) ?? Lang.T("未派班组", "No crew yet"), null, null, null, c.Value.RepairTimes(nowMs), null))]);
    }

    /// <summary>The district a region code lies in: its first six digits (DOMAIN §1), "" for a user not yet routed to a grid.</summary>
    public static string DistrictOf(string regionCode) => regionCode.Length >= 6 ? regionCode[..6] : regionCode;

    private static string DistrictName(IRegionLookup regions, string code)
    {
        if (code.Length == 0)
        {
            return Lang.T("未定位", "Not located");
        }
        var path = regions.PathTo(code);
        return path.Count > 0 && path[^1].Code == code ? path[^1].Name : code;
    }

    private static string? CheckUtility(UnitScope scope, string? utility)
    {
        if (string.IsNullOrWhiteSpace(utility))
        {
            return null;
        }
        if (!UtilityCode().IsMatch(utility))
        {
            throw new RequestValidationException("utility", "a utility's unit code, like GAS");
        }
        // District officers read every utility's figures in their districts; a utility's staff only their own.
        if (!scope.Everything && scope.Regions.Count == 0 && !scope.Units.Contains(utility))
        {
            throw new ForbiddenException($"You do not work for utility {utility}.");
        }
        return utility;
    }

    private static string? CheckDistrict(UnitScope scope, string? district)
    {
        if (string.IsNullOrWhiteSpace(district))
        {
            return null;
        }
        if (!DistrictCode().IsMatch(district))
        {
            throw new RequestValidationException("district", "a six-digit district code, like 330105");
        }
        if (!scope.Everything && scope.Units.Count == 0
            && !scope.Regions.Any(r => RegionScope.Covers(r, district) || RegionScope.Covers(district, r)))
        {
            throw new ForbiddenException($"District {district} is outside your scope.");
        }
        return district;
    }

    [GeneratedRegex("^[A-Z0-9_-]{1,16}$")]
    private static partial Regex UtilityCode();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex DistrictCode();
}
