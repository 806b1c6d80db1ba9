namespace Linli.Modules.Inspections.Contracts;

/// <summary>
/// Inspection compliance of the users located in a region, every utility together: active users,
/// those overdue for inspection today, periodic inspections due in a window and done, and hazards
/// still open (major ones, and those past their rectification deadline).
/// </summary>
public sealed record InspectionCompliance(
    long ActiveUsers,
    long OverdueUsers,
    long Due,
    long Done,
    double? CompletionRate,
    long OpenHazards,
    long OpenMajorHazards,
    long OpenPastDeadline);

/// <summary>What dashboards outside the Inspections module may know of it, without its entities.</summary>
public interface IInspectionFacts
{
    /// <summary>
    /// Compliance in the region's subtree (a city's code covers its districts); inspections due from
    /// <paramref name="first"/> to <paramref name="last"/> (China days, both included), overdue and open
    /// as of <paramref name="today"/>. The caller checks that the reader may see inspections there.
    /// </summary>
    Task<InspectionCompliance> ComplianceAsync(string regionCode, DateOnly first, DateOnly last, DateOnly today, CancellationToken ct = default);
}
