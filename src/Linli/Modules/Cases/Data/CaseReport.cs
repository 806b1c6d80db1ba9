using NetTopologySuite.Geometries;

namespace Linli.Modules.Cases.Data;

/// <summary>
/// One person's report of a case. The first report opens the case; later reports of the same
/// problem are attached to it (automatically at intake, or when staff merge two cases), each with
/// its own reporter and follow link, so every reporter follows the case — and a wrongly attached
/// report can be split back out into a case of its own.
/// </summary>
public sealed class CaseReport
{
    private CaseReport()
    {
        CategoryCode = "";
        Description = "";
        Location = Point.Empty;
        FollowTokenHash = "";
        How = "";
    }

    public CaseReport(Guid id, Guid caseId, DateTimeOffset at, CaseSource source, string categoryCode, string description, string? address,
        Point location, string? reporterUserId, string? reporterNameProtected, string? reporterPhoneProtected, string followTokenHash, string how,
        double? similarity = null)
    {
        Id = id;
        CaseId = caseId;
        ReportedAtMs = at.ToUnixTimeMilliseconds();
        Source = source;
        CategoryCode = categoryCode;
        Description = description;
        Address = address;
        Location = location;
        ReporterUserId = reporterUserId;
        ReporterNameProtected = reporterNameProtected;
        ReporterPhoneProtected = reporterPhoneProtected;
        FollowTokenHash = followTokenHash;
        How = how;
        Similarity = similarity;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public long ReportedAtMs { get; private set; }
    public CaseSource Source { get; private set; }

    /// <summary>The category this reporter gave (or was suggested), which may differ from the case's.</summary>
    public string CategoryCode { get; private set; }
    public string Description { get; private set; }
    public string? Address { get; private set; }
    public Point Location { get; private set; }
    public string? ReporterUserId { get; private set; }
    public string? ReporterNameProtected { get; private set; }
    public string? ReporterPhoneProtected { get; private set; }
    public string FollowTokenHash { get; private set; }

    /// <summary>first (opened the case), duplicate (attached at intake), merged (came with a merged case), split (opened a case split out of another).</summary>
    public string How { get; private set; }

    /// <summary>The duplicate score when it was attached automatically.</summary>
    public double? Similarity { get; private set; }

    public void MoveTo(Guid caseId, string how)
    {
        CaseId = caseId;
        How = how;
    }
}
