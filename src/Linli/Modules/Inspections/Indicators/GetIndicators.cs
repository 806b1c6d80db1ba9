using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Inspections.Indicators;

/// <summary>GET /api/v1/inspections/indicators and its spreadsheet twin.</summary>
internal static class GetIndicators
{
    public static async Task<Ok<IndicatorReport>> Handle(string? from, string? to, string? utility, string? district, HttpContext http, LinliDb db,
        IAccessControl access, IRegionLookup regions, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BuildIndicators.BuildAsync(from, to, utility, district, http.User, db, access, regions, clock, ct));

    public static async Task<FileContentHttpResult> Export(string? from, string? to, string? utility, string? district, string? format, HttpContext http,
        LinliDb db, IAccessControl access, IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "xlsx" : format.ToLowerInvariant();
        if (kind is not ("xlsx" or "csv"))
        {
            throw new RequestValidationException("format", "xlsx or csv");
        }
        var report = await BuildIndicators.BuildAsync(from, to, utility, district, http.User, db, access, regions, clock, ct);
        var name = $"inspection-indicators-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.{kind}";
        return kind == "csv"
            ? TypedResults.File(IndicatorSheet.Csv(report), "text/csv; charset=utf-8", name)
            : TypedResults.File(IndicatorSheet.Xlsx(report), IndicatorSheet.XlsxContentType, name);
    }
}
