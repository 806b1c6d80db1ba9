using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Traffic.Board.Indicators;

/// <summary>GET /api/v1/traffic/indicators and its spreadsheet twin.</summary>
internal static class GetTrafficIndicators
{
    public static async Task<Ok<TrafficIndicatorReport>> Handle(string? from, string? to, string? route, HttpContext http, LinliDb db,
        IAccessControl access, IConfiguration configuration, BoardTargets targets, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BuildTrafficIndicators.BuildAsync(from, to, route, http.User, db, access, configuration, targets, clock, ct));

    public static async Task<FileContentHttpResult> Export(string? from, string? to, string? route, HttpContext http, LinliDb db,
        IAccessControl access, IConfiguration configuration, BoardTargets targets, TimeProvider clock, CancellationToken ct)
    {
        var report = await BuildTrafficIndicators.BuildAsync(from, to, route, http.User, db, access, configuration, targets, clock, ct);
        var name = $"traffic-indicators-{report.From}-{report.To}{(report.Route is null ? "" : "-" + report.Route.Replace('/', '_'))}.xlsx";
        return TypedResults.File(TrafficIndicatorSheet.Xlsx(report), TrafficIndicatorSheet.XlsxContentType, name);
    }
}
