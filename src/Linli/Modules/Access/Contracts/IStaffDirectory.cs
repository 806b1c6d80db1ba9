namespace Linli.Modules.Access.Contracts;

/// <summary>A staff member as other modules may show her: name and phone masked (刘*燕, 139****1234), never in full.</summary>
public sealed record MaskedStaffMember(string Name, string Phone, string Scope);

/// <summary>How many hold a role in a region's subtree, and the first few of them.</summary>
public sealed record RegionStaff(int Count, IReadOnlyList<MaskedStaffMember> Listed);

/// <summary>Who works where, for pages outside Access (the region browser's grid workers).</summary>
public interface IStaffDirectory
{
    /// <summary>Holders of a region-scoped role whose scope lies in the region's subtree; at most <paramref name="listAtMost"/> listed.</summary>
    Task<RegionStaff> InRegionAsync(string role, string regionCode, int listAtMost, CancellationToken ct = default);

    /// <summary>User names of those holding a department-scoped role for this department (a utility's inspectors), in order.</summary>
    Task<IReadOnlyList<string>> UserNamesInDepartmentAsync(string role, string department, CancellationToken ct = default);
}
