namespace Linli.Modules.Traffic.Data;

public enum IncidentStatus
{
    Reported,
    Dispatched,
    OnScene,

    /// <summary>Every lane open again; the vehicles are off the carriageway (the road company's "road clear").</summary>
    LanesClear,

    Closed,
    Cancelled,
}

/// <summary>Where an incident came from.</summary>
public static class IncidentSources
{
    /// <summary>A driver's self-service report (快处快撤) from the phone.</summary>
    public const string Driver = "driver";
    public const string Hotline = "hotline";
    public const string Patrol = "patrol";
    public const string Camera = "camera";

    public static IReadOnlyList<string> All { get; } = [Driver, Hotline, Patrol, Camera];
}

/// <summary>
/// An incident on an expressway: where it is (route, direction, stake), what it is (the Cases
/// category, e.g. 2201 minor accident), whether it qualified for quick handling, and the times the
/// road company is measured on — reported, dispatched, called back, first crew on scene, lanes
/// clear, closed. The city's case (Cases) carries the same milestones against the category's targets.
/// </summary>
public sealed partial class Incident
{
    private Incident()
    {
        Number = CategoryCode = Source = RouteCode = Direction = Operator = Description = ReportedBy = "";
    }

    public Incident(Guid id, string number, string categoryCode, string source, string routeCode, string direction, double stakeMeters,
        double lon, double lat, string operatorUnit, string? districtCode, string description, string reportedBy, long nowMs)
    {
        Id = id;
        Number = number;
        CategoryCode = categoryCode;
        Source = source;
        RouteCode = routeCode;
        Direction = direction;
        StakeMeters = stakeMeters;
        Lon = lon;
        Lat = lat;
        Operator = operatorUnit;
        DistrictCode = districtCode;
        Description = description;
        ReportedBy = reportedBy;
        ReportedAtMs = UpdatedAtMs = nowMs;
        Status = IncidentStatus.Reported;
    }

    public Guid Id { get; private set; }

    /// <summary>SG-yyyymmdd-NNNN (事故/事件).</summary>
    public string Number { get; private set; }

    /// <summary>The Cases minor category: 2201 minor accident, 2202 debris, 2203 breakdown, 2204 accident with injuries.</summary>
    public string CategoryCode { get; private set; }

    /// <summary>One of <see cref="IncidentSources"/>.</summary>
    public string Source { get; private set; }

    public string RouteCode { get; private set; }
    public string Direction { get; private set; }
    public double StakeMeters { get; private set; }
    public double Lon { get; private set; }
    public double Lat { get; private set; }

    /// <summary>The unit that runs the stretch (its control room handles it).</summary>
    public string Operator { get; private set; }

    /// <summary>The district the point lies in, if it lies in the city's regions.</summary>
    public string? DistrictCode { get; private set; }

    public string Description { get; private set; }

    /// <summary>Lanes blocked when reported (0 = on the hard shoulder).</summary>
    public int LanesBlocked { get; private set; }

    /// <summary>Qualified for quick handling: no injuries, vehicles movable, property damage only, no road property damaged.</summary>
    public bool QuickHandling { get; private set; }

    /// <summary>Injuries or immovable vehicles: routed to police and rescue as an emergency.</summary>
    public bool Emergency { get; private set; }

    /// <summary>The driver's self-service report this came from, if any.</summary>
    public Guid? AccidentReportId { get; private set; }

    public Guid? CaseId { get; private set; }
    public string? CaseNumber { get; private set; }

    public IncidentStatus Status { get; private set; }

    /// <summary>The crews sent, comma-separated ids (a patrol and a tow truck are common).</summary>
    public string? CrewIds { get; private set; }

    public string ReportedBy { get; private set; }
    public long ReportedAtMs { get; private set; }
    public long? DispatchedAtMs { get; private set; }
    public long? CalledBackAtMs { get; private set; }
    public long? OnSceneAtMs { get; private set; }
    public long? LanesClearAtMs { get; private set; }
    public long? ClosedAtMs { get; private set; }
    public long UpdatedAtMs { get; private set; }
    public int Version { get; private set; }

    public bool IsOpen => Status is not (IncidentStatus.Closed or IncidentStatus.Cancelled);

    public void Describe(int lanesBlocked, bool quickHandling, bool emergency, Guid? accidentReportId)
    {
        LanesBlocked = lanesBlocked;
        QuickHandling = quickHandling;
        Emergency = emergency;
        AccidentReportId = accidentReportId;
    }

    public void Renumber(string number) => Number = number;

    public void LinkCase(Guid caseId, string caseNumber)
    {
        CaseId = caseId;
        CaseNumber = caseNumber;
    }
}
