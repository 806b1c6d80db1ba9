namespace Linli.Modules.Traffic.Data;

/// <summary>What a crew does on the road.</summary>
public static class CrewKinds
{
    /// <summary>路政巡查: the operator's patrol, usually first on scene.</summary>
    public const string Patrol = "patrol";

    /// <summary>清障: tow and clearance.</summary>
    public const string Clearance = "clearance";

    /// <summary>高速交警: expressway police.</summary>
    public const string Police = "police";

    /// <summary>救援: rescue and ambulance liaison.</summary>
    public const string Rescue = "rescue";

    public static IReadOnlyList<string> All { get; } = [Patrol, Clearance, Police, Rescue];
}

/// <summary>
/// A crew on the road: its unit, kind, members (usernames, who work it from their phones), its base
/// on a route (route code + stake) and whether it is on duty or busy with an incident.
/// </summary>
public sealed partial class RoadCrew
{
    private RoadCrew()
    {
        Unit = Name = Kind = Members = RouteCode = "";
    }

    public RoadCrew(Guid id, string unit, string name, string kind, string members, string routeCode, double stakeMeters, double lon, double lat)
    {
        Id = id;
        Unit = unit;
        Name = name;
        Kind = kind;
        Members = members;
        RouteCode = routeCode;
        StakeMeters = stakeMeters;
        Lon = lon;
        Lat = lat;
        OnDuty = true;
    }

    public Guid Id { get; private set; }
    public string Unit { get; private set; }
    public string Name { get; private set; }

    /// <summary>One of <see cref="CrewKinds"/>.</summary>
    public string Kind { get; private set; }

    /// <summary>Comma-separated usernames of the crew's members.</summary>
    public string Members { get; private set; }

    /// <summary>Where the crew stands now (its base when idle): route, stake and point.</summary>
    public string RouteCode { get; private set; }
    public double StakeMeters { get; private set; }
    public double Lon { get; private set; }
    public double Lat { get; private set; }
    public long? PositionAtMs { get; private set; }

    public bool OnDuty { get; private set; }

    /// <summary>The incident the crew is on, if any.</summary>
    public Guid? IncidentId { get; private set; }

    public int Version { get; private set; }

    public bool IsFree => OnDuty && IncidentId is null;

    public bool HasMember(string username) => Members.Split(',', StringSplitOptions.TrimEntries).Contains(username, StringComparer.Ordinal);

    public void Update(string name, string kind, string members, bool onDuty)
    {
        Name = name;
        Kind = kind;
        Members = members;
        OnDuty = onDuty;
        Version++;
    }

    public void MoveTo(string routeCode, double stakeMeters, double lon, double lat, long atMs)
    {
        RouteCode = routeCode;
        StakeMeters = stakeMeters;
        Lon = lon;
        Lat = lat;
        PositionAtMs = atMs;
        Version++;
    }

    public void Take(Guid incidentId)
    {
        IncidentId = incidentId;
        Version++;
    }

    public void Release()
    {
        IncidentId = null;
        Version++;
    }
}
