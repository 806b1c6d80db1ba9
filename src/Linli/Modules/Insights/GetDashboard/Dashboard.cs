using Linli.Modules.Inspections.Contracts;

namespace Linli.Modules.Insights.GetDashboard;

/// <summary>
/// Everything the dashboard page draws, in one answer: a page (or a big screen refreshing every
/// minute) makes one request instead of six. <c>Inspections</c> (the utilities' inspection
/// compliance in the region over the window) is there only for readers who may see inspections there.
/// </summary>
public sealed record Dashboard(
    DashboardRegion Region,
    IReadOnlyList<DashboardRegion> Path,
    DashboardWindow Window,
    DateTimeOffset AsOf,
    long Open,
    long Overdue,
    long Reported,
    long Closed,
    double? OnTimeClosingRate,
    double? ReworkRate,
    string RatesBasis,
    SubRegionFigures SubRegions,
    IReadOnlyList<DayFigures> Trend,
    IReadOnlyList<CategoryFigures> TopCategories,
    HeatMap HeatMap,
    InspectionCompliance? Inspections = null);

public sealed record DashboardRegion(string Code, string Name, string Level);

/// <summary>The days counted, in Beijing time, both ends included.</summary>
public sealed record DashboardWindow(DateOnly From, DateOnly To, int Days);

/// <summary>
/// The children of the region. <c>Basis</c> says which counters the rates come from: "day" (the
/// window's days) or "month" (the months the window touches; communities and grids keep no days).
/// </summary>
public sealed record SubRegionFigures(string? Level, string Basis, IReadOnlyList<SubRegionRow> Items);

public sealed record SubRegionRow(string Code, string Name, long Open, long Overdue, long Reported, long Closed,
    double? OnTimeClosingRate, double? ReworkRate);

public sealed record DayFigures(DateOnly Day, long Reported, long Closed);

public sealed record CategoryFigures(string Code, string NameZh, string NameEn, long Reports);

/// <summary>
/// Reports per area at one level: grids when there are few enough to draw, else the finest level
/// that stays under <see cref="GetDashboard.MaxHeatCells"/> areas. <c>Depth</c> is what to ask
/// <c>/api/v1/regions/{code}/geojson?depth=</c> for to get their outlines.
/// </summary>
public sealed record HeatMap(string Level, int Depth, long Max, IReadOnlyList<HeatCell> Cells);

public sealed record HeatCell(string Code, string Name, long Reports);
