namespace Linli.Modules.Inspections.Data;

/// <summary>
/// A user a utility inspects (非居民用户 for gas: a restaurant, hotel, canteen, factory): who it is,
/// where (routed to a grid), whom to call (protected), what it has on site, and when it is due.
/// Nothing here is gas-only; a water or lift utility keeps its users the same way.
/// </summary>
public sealed partial class UtilityCustomer
{
    private UtilityCustomer()
    {
        Utility = Number = Name = CreditCode = Type = Address = RegionCode = Supply = RiskClass = "";
        ContactNameProtected = ContactNameMasked = ContactPhoneProtected = ContactPhoneMasked = EquipmentJson = CreatedBy = "";
    }

    public UtilityCustomer(Guid id, string utility, string number, string createdBy, long nowMs)
    {
        Id = id;
        Utility = utility;
        Number = number;
        CreatedBy = createdBy;
        CreatedAtMs = UpdatedAtMs = nowMs;
        Name = CreditCode = Type = Address = RegionCode = Supply = RiskClass = "";
        ContactNameProtected = ContactNameMasked = ContactPhoneProtected = ContactPhoneMasked = "";
        EquipmentJson = "{}";
    }

    public Guid Id { get; private set; }

    /// <summary>The utility's unit code (GAS, SW…): whose user this is.</summary>
    public string Utility { get; private set; }

    /// <summary>The utility's own account number (户号), unique within the utility.</summary>
    public string Number { get; private set; }

    public string Name { get; private set; }

    /// <summary>Unified social credit code (GB 32100, 18 characters with a check character).</summary>
    public string CreditCode { get; private set; }

    /// <summary>A <see cref="CustomerTypes"/> code: catering, hotel, school-canteen, factory…</summary>
    public string Type { get; private set; }

    public string Address { get; private set; }
    public double Lon { get; private set; }
    public double Lat { get; private set; }

    /// <summary>The grid (or finer region) the location lies in; its prefix gives street and district.</summary>
    public string RegionCode { get; private set; }

    public string ContactNameProtected { get; private set; }
    public string ContactNameMasked { get; private set; }
    public string ContactPhoneProtected { get; private set; }
    public string ContactPhoneMasked { get; private set; }

    /// <summary>pipeline or lpg (a <see cref="SupplyKinds"/> code).</summary>
    public string Supply { get; private set; }

    /// <summary>high, medium or low (a <see cref="RiskClasses"/> code).</summary>
    public string RiskClass { get; private set; }

    /// <summary>Meters and appliances as JSON (<see cref="CustomerEquipment"/>): they change together and are read whole.</summary>
    public string EquipmentJson { get; private set; }

    /// <summary>A user who stopped taking supply stays on record but is no longer planned.</summary>
    public bool Active { get; private set; } = true;

    public DateOnly? LastInspectedOn { get; private set; }

    /// <summary>When the next periodic inspection falls due under the frequency rules; null until computed.</summary>
    public DateOnly? NextDueOn { get; private set; }

    public string CreatedBy { get; private set; }
    public long CreatedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public void Set(string name, string creditCode, string type, string address, double lon, double lat, string regionCode, string supply, string riskClass,
        string equipmentJson, long nowMs)
    {
        Name = name;
        CreditCode = creditCode;
        Type = type;
        Address = address;
        Lon = lon;
        Lat = lat;
        RegionCode = regionCode;
        Supply = supply;
        RiskClass = riskClass;
        EquipmentJson = equipmentJson;
        Touch(nowMs);
    }

    public void SetContact(string nameProtected, string nameMasked, string phoneProtected, string phoneMasked, long nowMs)
    {
        ContactNameProtected = nameProtected;
        ContactNameMasked = nameMasked;
        ContactPhoneProtected = phoneProtected;
        ContactPhoneMasked = phoneMasked;
        Touch(nowMs);
    }

    public void SetActive(bool active, long nowMs)
    {
        Active = active;
        Touch(nowMs);
    }

    public void SetSchedule(DateOnly? lastInspectedOn, DateOnly? nextDueOn, long nowMs)
    {
        LastInspectedOn = lastInspectedOn;
        NextDueOn = nextDueOn;
        Touch(nowMs);
    }

    private void Touch(long nowMs)
    {
        UpdatedAtMs = nowMs;
        Version++;
    }
}

/// <summary>What a user has on site, kept with the user as one JSON document.</summary>
public sealed record CustomerEquipment(IReadOnlyList<Meter>? Meters, IReadOnlyList<Appliance>? Appliances);

public sealed record Meter(string Number, string? Type, DateOnly? InstalledOn);

/// <summary>An appliance and its hose: hose age is what inspections check most (banned or aged hoses).</summary>
public sealed record Appliance(string Type, DateOnly? InstalledOn, string? HoseType, DateOnly? HoseInstalledOn);

public static class CustomerTypes
{
    public const string Catering = "catering";
    public const string Hotel = "hotel";
    public const string SchoolCanteen = "school-canteen";
    public const string Canteen = "canteen";
    public const string Factory = "factory";
    public const string Office = "office";
    public const string Retail = "retail";
    public const string Medical = "medical";
    public const string Residential = "residential";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Catering, Hotel, SchoolCanteen, Canteen, Factory, Office, Retail, Medical, Residential, Other];

    public static string Chinese(string type) => type switch
    {
        Catering => "餐饮",
        Hotel => "宾馆酒店",
        SchoolCanteen => "学校食堂",
        Canteen => "单位食堂",
        Factory => "工厂",
        Office => "写字楼/机关",
        Retail => "商超零售",
        Medical => "医疗机构",
        Residential => "居民",
        Other => "其他",
        _ => type,
    };
}

public static class SupplyKinds
{
    public const string Pipeline = "pipeline";
    public const string Lpg = "lpg";
    public static IReadOnlyList<string> All { get; } = [Pipeline, Lpg];
}

public static class RiskClasses
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
    public static IReadOnlyList<string> All { get; } = [High, Medium, Low];
}
