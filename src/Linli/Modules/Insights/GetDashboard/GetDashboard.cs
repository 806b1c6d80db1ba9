using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Insights.GetDashboard;

/// <summary>GET /api/v1/dashboard?region=&amp;days=: the figures of one region within the user's scope.</summary>
internal static class GetDashboard
{
    public const int DefaultDays = 30;
    public const int MaxDays = 90;
    public const int MaxHeatCells = 400;
    private const int TopCategoryCount = 8;

    public static async Task<Ok<Dashboard>> Handle(string? region, int? days, HttpContext http, LinliDb db, IAccessControl access,
        IRegionLookup regions, CategoryCatalog categories, IInspectionFacts inspections, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BuildAsync(region, days, http.User, db, access, regions, categories, inspections, clock, ct));

    /// <summary>The page calls this directly with its own context (rule 11), the endpoint through <see cref="Handle"/>.</summary>
    public static async Task<Dashboard> BuildAsync(string? region, int? days, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IRegionLookup regions, CategoryCatalog categories, IInspectionFacts inspections, TimeProvider clock, CancellationToken ct)
    {
        var span = days ?? DefaultDays;
        if (span is < 1 or > MaxDays)
        {
            throw new RequestValidationException("days", $"between 1 and {MaxDays}");
        }
        var (target, path) = await DashboardScope.ResolveAsync(region, user, access, regions);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(WorkingCalendar.ChinaStandardTime).DateTime);
        var window = new DashboardWindow(today.AddDays(1 - span), today, span);
        var sinceMs = new DateTimeOffset(window.From.ToDateTime(TimeOnly.MinValue), WorkingCalendar.ChinaStandardTime).ToUnixTimeMilliseconds();

        var children = regions.ChildrenOf(target.Code).Where(r => !IsFinerThanGrid(r.Level)).ToList();
        var totals = await CounterFigures.TotalsAsync(db, [target.Code, .. children.Select(c => c.Code)], window, ct);
        var live = await CaseFigures.OpenByGridAsync(db, target.Code, now.ToUnixTimeMilliseconds(), ct);
        var reportsByGrid = await CaseFigures.ReportsByGridAsync(db, target.Code, sinceMs, ct);
        var trend = CounterFigures.HasDays(target.Code)
            ? await CounterFigures.TrendAsync(db, target.Code, window, ct)
            : await CaseFigures.TrendAsync(db, target.Code, window, sinceMs, ct);
        var catalog = await categories.AllAsync(ct);
        var top = (await CaseFigures.TopCategoriesAsync(db, target.Code, sinceMs, TopCategoryCount, ct))
            .Select(t => catalog.TryGetValue(t.Code, out var c) ? new CategoryFigures(t.Code, c.NameZh, c.NameEn, t.Reports) : new CategoryFigures(t.Code, t.Code, t.Code, t.Reports))
            .ToList();

        var byChild = new AreaIndex(children.Select(c => c.Code));
        var openByChild = byChild.Sum(live, g => g.Grid, g => g.Open);
        var overdueByChild = byChild.Sum(live, g => g.Grid, g => g.Overdue);
        var subRows = children.Select(child =>
        {
            var t = totals[child.Code];
            return new SubRegionRow(child.Code, child.Name, openByChild.GetValueOrDefault(child.Code), overdueByChild.GetValueOrDefault(child.Code),
                t.Reported, t.Closed, t.OnTimeClosingRate, t.ReworkRate);
        }).ToList();
        var subRegions = new SubRegionFigures(children.FirstOrDefault()?.Level,
            children.Count > 0 ? CounterFigures.Basis(children[0].Code) : CounterFigures.Basis(target.Code), subRows);

        // Inspection compliance (PRODUCT: Insights) for those who read inspections in the region: admins, its district officers.
        var compliance = await access.DenialAsync(user, Permissions.InspectionsRead, target.Code) is null
            ? await inspections.ComplianceAsync(target.Code, window.From, window.To, today, ct)
            : null;
        var own = totals[target.Code];
        return new Dashboard(Ref(target), path.Select(Ref).ToList(), window, now.ToOffset(WorkingCalendar.ChinaStandardTime),
            live.Sum(g => g.Open), live.Sum(g => g.Overdue), own.Reported, own.Closed, own.OnTimeClosingRate, own.ReworkRate,
            CounterFigures.Basis(target.Code), subRegions, trend, top, Heat(target, regions, reportsByGrid), compliance);
    }

    private static HeatMap Heat(RegionRef target, IRegionLookup regions, Dictionary<string, long> reportsByGrid)
    {
        var (depth, areas) = HeatLevel.Choose(target, regions, MaxHeatCells);
        var reports = new AreaIndex(areas.Select(a => a.Code)).Sum(reportsByGrid, g => g.Key, g => g.Value);
        var cells = areas.Select(a => new HeatCell(a.Code, a.Name, reports.GetValueOrDefault(a.Code))).ToList();
        return new HeatMap(areas[0].Level, depth, cells.Count == 0 ? 0 : cells.Max(c => c.Reports), cells);
    }

    private static DashboardRegion Ref(RegionRef r) => new(r.Code, r.Name, r.Level);

    private static bool IsFinerThanGrid(string level) => RegionLevels.TryParse(level, out var l) && l > RegionLevel.Grid;
}
