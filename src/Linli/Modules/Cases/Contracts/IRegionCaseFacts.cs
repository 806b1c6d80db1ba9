using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Cases.Contracts;

/// <summary>How a unit comes to answer for a region.</summary>
public enum UnitResponsibility
{
    /// <summary>The grid's fallback unit (属地兜底).</summary>
    GridDefault,

    /// <summary>The unit's scope contains the region.</summary>
    Covers,

    /// <summary>The unit's scope is a part of the region.</summary>
    Within,
}

/// <summary>A unit that handles cases in a region; <paramref name="CategoryCount"/> 0 means any category.</summary>
public sealed record ResponsibleUnit(string Code, string Name, string Kind, UnitResponsibility Responsibility, int CategoryCount);

/// <summary>What the region browser (Geography) may know of cases and units, without their entities.</summary>
public interface IRegionCaseFacts
{
    /// <summary>Open cases in the region's subtree.</summary>
    Task<int> OpenCasesAsync(string regionCode, RegionLevel level, CancellationToken ct = default);

    /// <summary>Open cases per child of the region, in one grouped query; children without cases are absent.</summary>
    Task<IReadOnlyDictionary<string, int>> OpenCasesByChildAsync(string parentCode, RegionLevel childLevel, CancellationToken ct = default);

    /// <summary>The units that answer for the region: the grid's default unit, units whose scope covers it, units inside it.</summary>
    Task<IReadOnlyList<ResponsibleUnit>> ResponsibleUnitsAsync(string regionCode, RegionLevel level, CancellationToken ct = default);
}
