using Linli.Modules.Geography.Contracts;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Linli.Modules.Geography.ImportRegions;

/// <summary>A feature that has a code and a level, on its way through the tree and spatial checks.</summary>
internal sealed class ImportCandidate(int index, string code, string name, RegionLevel level, string? parentCode, int? households)
{
    private IPreparedGeometry? _prepared;

    public int Index { get; } = index;
    public string Code { get; } = code;
    public string Name { get; } = name;
    public RegionLevel Level { get; } = level;
    public string? ParentCode { get; } = parentCode;
    public int? Households { get; } = households;

    /// <summary>Null when the geometry itself is bad: then spatial checks against it are skipped.</summary>
    public Geometry? Geometry { get; set; }

    public IPreparedGeometry Prepared => _prepared ??= PreparedGeometryFactory.Prepare(Geometry!);
}

/// <summary>A region already in the database that an import refers to (a parent or a sibling).</summary>
internal sealed record StoredRegion(string Code, RegionLevel Level, string? ParentCode, Geometry Boundary);

/// <summary>One bad feature: its 0-based index in the file, its code if it had one, and why.</summary>
public sealed record ImportError(int Feature, string? Code, string Reason);
