using System.Globalization;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Couriers.Riders;

/// <summary>Words and small helpers the rider pages share.</summary>
internal static class RiderWords
{
    public static string Kind(string code) => FindServices.WorkerServices.KindName(code, !Lang.IsEnglish);

    public static string Conditions(string code) => code switch
    {
        "free" => Lang.T("免费", "Free"),
        "discount" => Lang.T("优惠", "Discount"),
        "points" => Lang.T("积分兑换", "For points"),
        _ => code,
    };

    public static string Distance(int meters) => meters < 1000
        ? Lang.T($"{meters} 米", $"{meters} m")
        : Lang.T($"{(meters / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)} 公里", $"{(meters / 1000.0).ToString("0.0", CultureInfo.InvariantCulture)} km");

    public static string Period(string code) => code switch
    {
        "week" => Lang.T("本周", "This week"),
        "month" => Lang.T("本月", "This month"),
        "year" => Lang.T("今年", "This year"),
        _ => Lang.T("全部", "All time"),
    };

    public static List<string> Errors(Exception e) => e switch
    {
        RequestValidationException v => v.Errors.Select(kv => $"{kv.Key}: {string.Join("; ", kv.Value)}").ToList(),
        DomainException d => [d.Message],
        _ => throw e,
    };

    /// <summary>Every street (街道/镇) of the tree, in code order, for the pickers; the walk stops at streets.</summary>
    public static List<RegionRef> AllStreets(IRegionLookup regions)
    {
        var streets = new List<RegionRef>();
        var queue = new Queue<RegionRef>(regions.ChildrenOf(null));
        var seen = 0;
        while (queue.Count > 0 && seen++ < 5000)
        {
            var region = queue.Dequeue();
            if (region.Level == "street")
            {
                streets.Add(region);
                continue;
            }
            if (region.Level is "community" or "grid" or "micro-grid" or "building")
            {
                continue;
            }
            foreach (var child in regions.ChildrenOf(region.Code))
            {
                queue.Enqueue(child);
            }
        }
        return streets.OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
    }
}
