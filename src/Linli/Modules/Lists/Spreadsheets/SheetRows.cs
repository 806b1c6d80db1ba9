using Linli.Infrastructure.Spreadsheets;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.Demands;
using Linli.Modules.Lists.RecordResource;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.People.Contracts;

namespace Linli.Modules.Lists.Spreadsheets;

/// <summary>A checked row, ready to write: a need or an offer with its parsed windows.</summary>
internal abstract record CheckedRow(int Number, string RegionCode, IReadOnlyList<WeeklyWindow> Windows);

internal sealed record CheckedDemand(int Number, DemandDraft Draft, IReadOnlyList<WeeklyWindow> Windows) : CheckedRow(Number, Draft.RegionCode, Windows);

internal sealed record CheckedResourceRow(int Number, CheckedResource Resource) : CheckedRow(Number, Resource.Request.RegionCode!, Resource.Windows);

/// <summary>
/// Rows to requests, checked by the same code as the API (<see cref="DemandRules"/>,
/// <see cref="RecordResource.RecordResource.Problems"/>), each problem reported at its row and column.
/// </summary>
internal static class SheetRows
{
    private static readonly IReadOnlyList<(string, string, string)> Categories =
        [.. NeedCategories.All.Select(c => (c.Code, c.Chinese, c.English))];

    public static CheckedRow? Check(SheetLayout layout, SheetRow row, string recordedBy, IRegionLookup regions, List<SheetError> errors) =>
        layout.Kind == "demands"
            ? Demand(layout, row, recordedBy, code => regions.PathTo(code).Count > 0, errors)
            : Resource(layout, row, regions, errors);

    private static CheckedDemand? Demand(SheetLayout layout, SheetRow row, string recordedBy, Func<string, bool> regionExists, List<SheetError> errors)
    {
        var before = errors.Count;
        if (!SheetValues.TryWhole(row["quantity"], 1, out var quantity))
        {
            errors.Add(new SheetError(row.Number, layout.Column("quantity").Header, $"'{row["quantity"]}' is not a whole number"));
        }
        if (!SheetValues.TryYesNo(row["careTagsConsent"], out var consent))
        {
            errors.Add(new SheetError(row.Number, layout.Column("careTagsConsent").Header, $"'{row["careTagsConsent"]}' is not 是/否 (yes/no)"));
        }
        var draft = new DemandDraft(
            SheetValues.Code(row["channel"], DemandRules.Channels),
            row["regionCode"] ?? "",
            null,
            row["requesterName"],
            row["requesterPhone"],
            SheetValues.Code(row["category"], Categories),
            row["description"] ?? "",
            quantity,
            row["urgency"] is null ? "normal" : SheetValues.Code(row["urgency"], DemandRules.Urgencies),
            Windows(row["timeWindows"]),
            SheetValues.Codes(row["careTags"], CareTags.All),
            consent,
            null,
            recordedBy);
        var problems = DemandRules.Problems(draft, regionExists, out var windows);
        ForgetReported(layout, problems, errors, before);
        Report(layout, row, problems, errors);
        return errors.Count == before ? new CheckedDemand(row.Number, draft, windows) : null;
    }

    private static CheckedResourceRow? Resource(SheetLayout layout, SheetRow row, IRegionLookup regions, List<SheetError> errors)
    {
        var before = errors.Count;
        int? capacity = null;
        if (SheetValues.TryWhole(row["capacityPerWeek"], -1, out var c))
        {
            capacity = c < 0 ? null : c;
        }
        else
        {
            errors.Add(new SheetError(row.Number, layout.Column("capacityPerWeek").Header, $"'{row["capacityPerWeek"]}' is not a whole number"));
        }
        int? radius = null;
        if (row["radiusMeters"] is not null)
        {
            if (SheetValues.TryWhole(row["radiusMeters"], 0, out var r))
            {
                radius = r;
            }
            else
            {
                errors.Add(new SheetError(row.Number, layout.Column("radiusMeters").Header, $"'{row["radiusMeters"]}' is not a whole number of metres"));
            }
        }
        if (!SheetValues.TryNumber(row["lon"], out var lon))
        {
            errors.Add(new SheetError(row.Number, layout.Column("lon").Header, $"'{row["lon"]}' is not a number"));
        }
        if (!SheetValues.TryNumber(row["lat"], out var lat))
        {
            errors.Add(new SheetError(row.Number, layout.Column("lat").Header, $"'{row["lat"]}' is not a number"));
        }
        var serviceRegions = SheetValues.Split(row["serviceRegions"], [',', '，', '、', ';', '；', ' ']);
        var circle = row["lon"] is not null || row["lat"] is not null || row["radiusMeters"] is not null;
        var request = new RecordResourceRequest(
            SheetValues.Code(row["providerKind"], ResourceRules.ProviderKinds),
            row["providerName"],
            null,
            SheetValues.Code(row["category"], Categories),
            row["title"],
            capacity,
            Windows(row["availability"]),
            circle ? new ServiceAreaInput(lon, lat, radius) : serviceRegions.Count > 0 ? new ServiceAreaInput(Regions: serviceRegions) : null,
            row["conditions"] is null ? null : SheetValues.Code(row["conditions"], ResourceRules.Conditions),
            row["conditionNote"],
            row["contactPhone"],
            row["regionCode"]);
        var problems = RecordResource.RecordResource.Problems(request, regions, out var checkedRequest);
        foreach (var (field, column) in AreaColumns)
        {
            if (problems.Remove(field, out var reasons))
            {
                problems[column] = reasons;
            }
        }
        ForgetReported(layout, problems, errors, before);
        Report(layout, row, problems, errors);
        return errors.Count == before ? new CheckedResourceRow(row.Number, checkedRequest!) : null;
    }

    /// <summary>The API names the parts of the service area; the sheet has a column for each.</summary>
    private static readonly (string Field, string Column)[] AreaColumns =
        [("serviceArea.lon", "lon"), ("serviceArea.lat", "lat"), ("serviceArea.radiusMeters", "radiusMeters"), ("serviceArea.regions", "serviceRegions")];

    /// <summary>A cell that was not a number has been reported already; the rules' word on the same field would repeat it.</summary>
    private static void ForgetReported(SheetLayout layout, Dictionary<string, string[]> problems, List<SheetError> errors, int before)
    {
        foreach (var reported in errors.Skip(before).Select(e => layout.Columns.First(c => c.Header == e.Column).Key).ToList())
        {
            problems.Remove(reported);
        }
    }

    private static void Report(SheetLayout layout, SheetRow row, Dictionary<string, string[]> problems, List<SheetError> errors)
    {
        foreach (var (field, reasons) in problems)
        {
            // Fields without a column of their own ("serviceArea") point at the columns that give it.
            var column = layout.Columns.FirstOrDefault(c => c.Key == field)?.Header
                ?? (field == "serviceArea" ? $"{layout.Column("radiusMeters").Header} / {layout.Column("serviceRegions").Header}" : field);
            errors.AddRange(reasons.Select(reason => new SheetError(row.Number, column, reason)));
        }
    }

    /// <summary>Windows are separated by semicolons; a comma separates days within one window.</summary>
    private static IReadOnlyList<string> Windows(string? cell) => SheetValues.Split(cell, [';', '；', '\n']);
}
