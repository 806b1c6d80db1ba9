using Linli.Infrastructure.Errors;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Couriers.Riders;

/// <summary>The street a leaderboard or thanks wall is for: a street-level region that exists.</summary>
internal static class Streets
{
    public static RegionRef Check(string? code, IRegionLookup regions)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0) throw new RequestValidationException("street", "is required: a street's region code");
        if (trimmed.Length > 32 || !trimmed.All(char.IsAsciiDigit)) throw new RequestValidationException("street", "a region code (digits)");
        var region = regions.PathTo(trimmed).LastOrDefault() ?? throw new NotFoundException($"No region {trimmed}.");
        if (region.Level != "street")
        {
            throw new RequestValidationException("street", $"{trimmed} is a {region.Level}, not a street (街道/镇)");
        }
        return region;
    }
}
