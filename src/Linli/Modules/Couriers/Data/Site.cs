namespace Linli.Modules.Couriers.Data;

/// <summary>
/// A place riders pass: a residential compound, an office building, a campus (场所). Its site code
/// is printed as a QR poster at the gate; its policy says which platforms may enter and when; its
/// guards watch the gate page.
/// </summary>
public sealed class Site
{
    private Site()
    {
        Code = Name = Kind = RegionCode = Address = AllowedPlatforms = GuardUserIds = CreatedBy = "";
    }

    public Site(Guid id, string code, string createdBy, long nowMs)
    {
        Id = id;
        Code = code;
        CreatedBy = createdBy;
        CreatedAtMs = UpdatedAtMs = nowMs;
        Name = Kind = RegionCode = Address = AllowedPlatforms = GuardUserIds = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The site code (场所码) on the poster: short, unguessable, never reused.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>compound, building, office, campus, market, other.</summary>
    public string Kind { get; private set; }

    /// <summary>The community, grid or building region the site lies in (whose staff keep it).</summary>
    public string RegionCode { get; private set; }

    public string Address { get; private set; }
    public double? Lon { get; private set; }
    public double? Lat { get; private set; }

    /// <summary>Comma-separated platform codes let in; empty lets every platform in.</summary>
    public string AllowedPlatforms { get; private set; }

    /// <summary>Minutes after midnight, China time, between which riders may enter; both null means any time.</summary>
    public int? OpenFromMinute { get; private set; }
    public int? OpenToMinute { get; private set; }

    /// <summary>Comma-separated account ids of the site's guards.</summary>
    public string GuardUserIds { get; private set; }

    public bool Closed { get; private set; }
    public string CreatedBy { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<string> PlatformList => AllowedPlatforms.Split(',', StringSplitOptions.RemoveEmptyEntries);
    public IReadOnlyList<string> GuardList => GuardUserIds.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public void Set(string name, string kind, string regionCode, string address, double? lon, double? lat,
        IEnumerable<string> allowedPlatforms, int? openFromMinute, int? openToMinute, IEnumerable<string> guardUserIds, long nowMs)
    {
        Name = name;
        Kind = kind;
        RegionCode = regionCode;
        Address = address;
        Lon = lon;
        Lat = lat;
        AllowedPlatforms = string.Join(',', allowedPlatforms.Distinct());
        OpenFromMinute = openFromMinute;
        OpenToMinute = openToMinute;
        GuardUserIds = string.Join(',', guardUserIds.Distinct());
        UpdatedAtMs = nowMs;
        Version++;
    }

    public void Close(long nowMs)
    {
        Closed = true;
        UpdatedAtMs = nowMs;
        Version++;
    }
}
