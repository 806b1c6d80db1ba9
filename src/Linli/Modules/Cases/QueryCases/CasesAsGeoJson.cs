using System.Globalization;
using System.Linq.Expressions;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.QueryCases;

/// <summary>A GeoJSON FeatureCollection (RFC 7946) of case points; <c>truncated</c> is a foreign member saying the limit cut it.</summary>
public sealed record CaseFeatureCollection(IReadOnlyList<CaseFeature> Features, bool Truncated)
{
    public string Type => "FeatureCollection";
}

public sealed record CaseFeature(CasePointGeometry Geometry, CaseFeatureProperties Properties)
{
    public string Type => "Feature";
}

/// <summary>A GeoJSON Point: [lon, lat].</summary>
public sealed record CasePointGeometry(double[] Coordinates)
{
    public string Type => "Point";
}

public sealed record CaseFeatureProperties(Guid Id, string Number, string Category, string CategoryName, string Stage, string Timer,
    DateTimeOffset ReportedAt);

/// <summary>
/// The cases of the map as points, within the caller's scope by the very predicate of the case list
/// (<see cref="QueryCases.VisibilityAsync"/>), so the map never shows a case the list would hide.
/// </summary>
internal static class CasesAsGeoJson
{
    public const int DefaultLimit = 2000;
    public const int MaxLimit = 5000;

    /// <summary>Closed, evaluated, declined, voided, ledgered or deferred: no clock runs, so the map greys them out.</summary>
    public const string Grey = "grey";

    public static async Task<JsonHttpResult<CaseFeatureCollection>> Handle(HttpContext http, LinliDb db, IAccessControl access,
        CategoryCatalog catalog, TimeProvider clock, string? category, string? stage, string? bbox, string? limit, CancellationToken ct)
    {
        var size = ParseLimit(limit);
        Box? box = bbox is null ? null : ParseBox(bbox);
        var query = db.Cases.AsNoTracking().Where(await QueryCases.VisibilityAsync(http.User, access, db));
        query = query.Where(StagePredicate(stage));
        var minors = await catalog.AllAsync(ct);
        if (!string.IsNullOrWhiteSpace(category))
        {
            query = query.Where(CategoryPredicate(category.Trim(), minors));
        }
        if (box is { } b)
        {
            // Spot cells are ordered by longitude column, then latitude, so one index range holds the box's
            // longitude band; the exact test on the point follows in memory.
            var (low, high) = (Duplicates.DuplicateRules.Cell(b.MinLon, b.MinLat), Duplicates.DuplicateRules.Cell(b.MaxLon, b.MaxLat));
            query = query.Where(c => c.SpotCell >= low && c.SpotCell <= high);
        }

        var english = CategoryEndpoints.English(http.Request);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var features = new List<CaseFeature>();
        var truncated = false;
        await foreach (var c in query.OrderByDescending(c => c.ReportedAtMs).ThenByDescending(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.CategoryCode, c.Stage, c.StageWarningAtMs, c.StageDeadlineMs, c.ReportedAtMs, c.Location })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            var (lon, lat) = (c.Location.X, c.Location.Y);
            if (box is { } inside && !inside.Contains(lon, lat)) continue;
            if (features.Count == size)
            {
                truncated = true;
                break;
            }
            var name = minors.GetValueOrDefault(c.CategoryCode) is { } minor ? (english ? minor.NameEn : minor.NameZh) : c.CategoryCode;
            var timer = CaseNames.IsOpen(c.Stage) ? TimerColours.Of(nowMs, c.StageWarningAtMs, c.StageDeadlineMs) : Grey;
            features.Add(new CaseFeature(new CasePointGeometry([lon, lat]), new CaseFeatureProperties(c.Id, c.Number, c.CategoryCode, name,
                CaseNames.Stage(c.Stage), timer,
                DateTimeOffset.FromUnixTimeMilliseconds(c.ReportedAtMs).ToOffset(Calendar.WorkingCalendar.ChinaStandardTime))));
        }
        return TypedResults.Json(new CaseFeatureCollection(features, truncated), contentType: "application/geo+json; charset=utf-8");
    }

    private static int ParseLimit(string? limit)
    {
        if (limit is null) return DefaultLimit;
        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxLimit
            ? size
            : throw new RequestValidationException("limit", $"a whole number between 1 and {MaxLimit}");
    }

    private static Box ParseBox(string bbox)
    {
        var parts = bbox.Split(',');
        var values = new double[4];
        if (parts.Length != 4 || parts.Select((p, i) => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])).Any(ok => !ok))
        {
            throw new RequestValidationException("bbox", "four numbers: minLon,minLat,maxLon,maxLat");
        }
        var box = new Box(values[0], values[1], values[2], values[3]);
        if (box.MinLon is < -180 or > 180 || box.MaxLon is < -180 or > 180 || box.MinLat is < -90 or > 90 || box.MaxLat is < -90 or > 90)
        {
            throw new RequestValidationException("bbox", "longitudes within ±180 and latitudes within ±90");
        }
        if (box.MinLon > box.MaxLon || box.MinLat > box.MaxLat)
        {
            throw new RequestValidationException("bbox", "the minimum must not exceed the maximum");
        }
        return box;
    }

    /// <summary>
    /// One stage or several (comma-separated). Without one, every case but the merged ones: a merged case
    /// handed its reports to another, so drawing both would show one problem twice.
    /// </summary>
    private static Expression<Func<Case, bool>> StagePredicate(string? stage)
    {
        if (string.IsNullOrWhiteSpace(stage)) return c => c.Stage != CaseStage.Merged;
        var c = Expression.Parameter(typeof(Case), "c");
        Expression? any = null;
        foreach (var name in stage.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!CaseNames.TryParseStage(name, out var s)) throw new RequestValidationException("stage", $"unknown stage '{name}'");
            var equal = Expression.Equal(Expression.Property(c, nameof(Case.Stage)), Expression.Constant(s));
            any = any is null ? equal : Expression.OrElse(any, equal);
        }
        return Expression.Lambda<Func<Case, bool>>(any ?? Expression.Constant(true), c);
    }

    /// <summary>A minor category by its code, or a major one as all of its minors.</summary>
    private static Expression<Func<Case, bool>> CategoryPredicate(string code, IReadOnlyDictionary<string, MinorCategory> minors)
    {
        if (minors.ContainsKey(code)) return c => c.CategoryCode == code;
        var underMajor = minors.Values.Where(m => m.MajorCode == code).Select(m => m.Code).ToArray();
        return underMajor.Length > 0
            ? c => underMajor.Contains(c.CategoryCode)
            : throw new RequestValidationException("category", $"unknown category '{code}'");
    }

    private readonly record struct Box(double MinLon, double MinLat, double MaxLon, double MaxLat)
    {
        public bool Contains(double lon, double lat) => lon >= MinLon && lon <= MaxLon && lat >= MinLat && lat <= MaxLat;
    }
}
