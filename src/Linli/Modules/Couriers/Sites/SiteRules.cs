using System.Globalization;
using System.Security.Cryptography;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Couriers.Sites;

public sealed record SiteRequest(
    string? Name,
    string? Kind,
    string? RegionCode,
    string? Address,
    double? Lon,
    double? Lat,
    IReadOnlyList<string>? AllowedPlatforms,
    string? OpenFrom,
    string? OpenTo,
    IReadOnlyList<string>? Guards);

internal sealed record CheckedSite(string Name, string Kind, string RegionCode, string Address, double? Lon, double? Lat,
    IReadOnlyList<string> Platforms, int? OpenFrom, int? OpenTo, IReadOnlyList<string> GuardUserIds);

/// <summary>Field checks for a site and its policy; guards are named by user name or account id.</summary>
internal static class SiteRules
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Kinds = new Dictionary<string, (string, string)>
    {
        ["compound"] = ("住宅小区", "residential compound"),
        ["building"] = ("楼宇", "office building"),
        ["campus"] = ("园区/校园", "campus"),
        ["market"] = ("商场/市场", "market"),
        ["hospital"] = ("医院", "hospital"),
        ["other"] = ("其他", "other"),
    };

    // Letters and digits a guard can read off a poster without confusing 0/O or 1/I.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode() => string.Concat(Enumerable.Range(0, 8).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]));

    public static async Task<CheckedSite> CheckAsync(SiteRequest r, IRegionLookup regions, IAccountDirectory accounts, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string reason) => errors[field] = [reason];
        var name = r.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 200) Fail("name", "2 to 200 characters");
        var kind = r.Kind?.Trim().ToLowerInvariant() ?? "compound";
        if (!Kinds.ContainsKey(kind)) Fail("kind", $"must be one of {string.Join(", ", Kinds.Keys)}");
        var region = r.RegionCode?.Trim() ?? "";
        var path = region.Length == 0 ? [] : regions.PathTo(region);
        if (path.Count == 0 || path[^1].Level is not ("community" or "grid" or "micro-grid" or "building"))
        {
            Fail("regionCode", "must be the code of the community, grid or building the site is in");
        }
        var address = r.Address?.Trim() ?? "";
        if (address.Length > 300) Fail("address", "at most 300 characters");
        if ((r.Lon is null) != (r.Lat is null)) Fail(r.Lon is null ? "lon" : "lat", "give both lon and lat, or neither");
        else if (r.Lon is { } lon && r.Lat is { } lat && (lon is < -180 or > 180 || lat is < -90 or > 90 || regions.Locate(lon, lat) is null))
        {
            Fail("lon", "the point is not inside the city");
        }
        var platforms = new List<string>();
        foreach (var (value, i) in (r.AllowedPlatforms ?? []).Select((v, i) => (v, i)))
        {
            if (Platforms.Find(value) is { } p) platforms.Add(p.Code);
            else Fail($"allowedPlatforms[{i}]", $"unknown platform '{value}'; one of {Platforms.CodesForHelp}");
        }
        var from = Minute(r.OpenFrom, "openFrom", errors);
        var to = Minute(r.OpenTo, "openTo", errors);
        if ((from is null) != (to is null)) Fail(from is null ? "openFrom" : "openTo", "give both openFrom and openTo (HH:mm), or neither for any time");
        else if (from is not null && from == to) Fail("openTo", "must differ from openFrom (a window past midnight such as 22:00-06:00 is allowed)");
        var guards = new List<string>();
        foreach (var (value, i) in (r.Guards ?? []).Select((v, i) => (v, i)))
        {
            var id = string.IsNullOrWhiteSpace(value) ? null : await accounts.ResolveAsync(value, ct);
            if (id is null) Fail($"guards[{i}]", $"no account is named '{value}'");
            else guards.Add(id);
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);
        return new CheckedSite(name, kind, region, address, r.Lon, r.Lat, platforms, from, to, guards);
    }

    private static int? Minute(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.Hour * 60 + time.Minute;
        }
        errors[field] = ["a time of day as HH:mm, China time"];
        return null;
    }

    public static string? Clock(int? minute) => minute is { } m ? $"{m / 60:D2}:{m % 60:D2}" : null;
}
