namespace Linli.Modules.Cases.Units;

/// <summary>
/// A department or utility that handles cases (城管, 市政, the gas company…), with the regions and
/// categories it answers for.
/// </summary>
public sealed class Unit
{
    private Unit()
    {
        Code = "";
        Name = "";
        Kind = "";
    }

    public Unit(string code) : this()
    {
        Code = code;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string Kind { get; private set; }

    /// <summary>Region codes whose subtrees the unit covers.</summary>
    public List<string> RegionCodes { get; private set; } = [];

    /// <summary>Minor category codes the unit handles; empty means any.</summary>
    public List<string> CategoryCodes { get; private set; } = [];

    public void Apply(string name, string kind, IEnumerable<string> regions, IEnumerable<string> categories)
    {
        Name = name;
        Kind = kind;
        RegionCodes = regions.Distinct().Order(StringComparer.Ordinal).ToList();
        CategoryCodes = categories.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>The unit a grid falls back on when no department answers for a case (属地兜底).</summary>
public sealed class GridDefaultUnit
{
    private GridDefaultUnit()
    {
        GridCode = "";
        UnitCode = "";
    }

    public GridDefaultUnit(string gridCode, string unitCode)
    {
        GridCode = gridCode;
        UnitCode = unitCode;
    }

    public string GridCode { get; private set; }
    public string UnitCode { get; private set; }

    public void Assign(string unitCode) => UnitCode = unitCode;
}

public static class UnitKinds
{
    public static IReadOnlyList<string> All { get; } = ["department", "utility", "property", "territorial"];
}
