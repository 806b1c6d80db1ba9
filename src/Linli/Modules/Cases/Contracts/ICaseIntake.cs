using System.Security.Claims;

namespace Linli.Modules.Cases.Contracts;

/// <summary>A report as another module hands it to intake, in Linli's own words (rule 12).</summary>
public sealed record IntakeReport(
    string? CategoryCode,
    string Description,
    double Lon,
    double Lat,
    string? Address,
    string Source,
    string? ReporterName,
    string? ReporterPhone,
    IFormCollection? PhotoForm = null);

/// <summary>What intake did: the case the report opened, or the open case it joined.</summary>
public sealed record IntakeReceipt(Guid CaseId, string CaseNumber, bool JoinedExisting);

/// <summary>
/// The one intake every report goes through (routing, duplicate merge, category suggestion,
/// deadlines). Refusals are the usual <c>RequestValidationException</c> and <c>DomainException</c>.
/// </summary>
public interface ICaseIntake
{
    Task<IntakeReceipt> ReportAsync(IntakeReport report, ClaimsPrincipal? user, CancellationToken ct);
}
