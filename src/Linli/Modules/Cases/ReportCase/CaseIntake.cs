using Linli.Infrastructure.Files;
using System.Security.Claims;
using System.Security.Cryptography;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Classification;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.Duplicates;
using Linli.Modules.Cases.Photos;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Cases.ReportCase;

/// <summary>
/// The intake every report goes through, whichever door it came in by (<c>POST /api/v1/cases</c>,
/// Open311): checked, categorised (suggested from the words when no category is given), routed,
/// its photos stored, then written by the <see cref="IntakeWriter"/>, which merges duplicates and
/// sets the deadlines.
/// </summary>
internal sealed class CaseIntake(IRegionLookup regions, CalendarStore calendars, CategoryCatalog catalog, CategorySuggester suggester,
    ReportReader reader, IntakeWriter writer, PersonalDataProtector protector, IAccessControl access, Infrastructure.Files.IFileStore files,
    TimeProvider clock) : ICaseIntake
{
    public async Task<(IntakeOutcome Outcome, string Token, IReadOnlyList<CategorySuggestion>? Suggestions)> SubmitAsync(ReportCaseRequest request,
        IReadOnlyList<ProcessedPhoto> photos, string? idempotencyKey, string requestHash, ClaimsPrincipal? user, CancellationToken ct)
    {
        var categories = await catalog.AllAsync(ct);
        Validate(request, categories);
        var text = await reader.ReadAsync(request.Description!);
        var (category, suggestions) = await CategoryAsync(request, text, categories, suggester);
        var location = regions.Locate(request.Lon!.Value, request.Lat!.Value)
            ?? throw new UnprocessableException("Outside the city", $"({request.Lon}, {request.Lat}) lies in no grid of this city (nor within 50 m of one).");
        var now = clock.GetUtcNow();
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var reportId = Guid.NewGuid();
        var prepared = new PreparedReport(
            reportId, Guid.NewGuid(), idempotencyKey, requestHash, category,
            suggestions is null ? null : new { suggested = suggestions[0].Code, confidence = suggestions[0].Confidence },
            await SourceAsync(request.Source, user, access), request.Priority ?? category.DefaultPriority,
            request.Description!.Trim(), request.Address?.Trim(),
            Wgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(request.Lon.Value, request.Lat.Value)),
            CaseRegions.Of(location),
            new CaseContext(now, user?.FindFirstValue(ClaimTypes.NameIdentifier), user?.Identity?.Name ?? "anonymous", await calendars.CurrentAsync(ct), category.DisposalLimit),
            protector.Protect(request.Reporter?.Name?.Trim()),
            protector.Protect(request.Reporter?.Phone is { } p ? PersonalDataFormats.Normalise(PersonalDataKind.Phone, p) : null),
            ReportCase.FollowHash(token), text,
            // Stored under the report before the write decides its case; the rows point at the case.
            await CasePhotos.StoreAsync(reportId, "report", photos, files, now.ToUnixTimeMilliseconds(), ct));
        var outcome = await writer.WriteAsync(prepared, ct);
        return (outcome, token, suggestions);
    }

    async Task<IntakeReceipt> ICaseIntake.ReportAsync(IntakeReport report, ClaimsPrincipal? user, CancellationToken ct)
    {
        var photos = report.PhotoForm is null ? [] : await CasePhotos.ReadAsync(report.PhotoForm, ct);
        var request = new ReportCaseRequest(report.CategoryCode, report.Description, report.Lon, report.Lat, report.Address, null, report.Source,
            new ReporterDto(report.ReporterName, report.ReporterPhone));
        var (outcome, _, _) = await SubmitAsync(request, photos, null, ReportForm.Hash(request, photos), user, ct);
        return new IntakeReceipt(outcome.Case.Id, outcome.Case.Number, outcome.Joined);
    }

    private static void Validate(ReportCaseRequest request, IReadOnlyDictionary<string, MinorCategory> categories)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(request.Category) && !categories.ContainsKey(request.Category))
        {
            errors["category"] = [$"category {request.Category} does not exist (GET /api/v1/categories)"];
        }
        if (string.IsNullOrWhiteSpace(request.Description)) errors["description"] = ["is required"];
        else if (request.Description.Length > 4000) errors["description"] = [$"at most 4,000 characters, not {request.Description.Length:N0}"];
        if (request.Lon is not (>= -180 and <= 180)) errors["lon"] = ["a longitude between -180 and 180 is required"];
        if (request.Lat is not (>= -90 and <= 90)) errors["lat"] = ["a latitude between -90 and 90 is required"];
        if (request.Address?.Length > 500) errors["address"] = ["at most 500 characters"];
        if (request.Priority is not null && !Priorities.All.Contains(request.Priority)) errors["priority"] = [$"must be one of {string.Join(", ", Priorities.All)}"];
        if (request.Source is not null && !CaseNames.TryParseSource(request.Source, out _)) errors["source"] = ["must be one of web, phone, courier, patrol, hotline, inspection, open311"];
        if (request.Reporter?.Phone is { Length: > 0 } phone && !PersonalDataFormats.IsMobile(phone)) errors["reporter.phone"] = ["must be an 11-digit mainland mobile number"];
        if (request.Reporter?.Name?.Length > 50) errors["reporter.name"] = ["at most 50 characters"];
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    /// <summary>The category the reporter chose; without one, the best the model suggests from the words.</summary>
    private static async Task<(MinorCategory Category, IReadOnlyList<CategorySuggestion>? Suggestions)> CategoryAsync(ReportCaseRequest request,
        ReportText text, IReadOnlyDictionary<string, MinorCategory> categories, CategorySuggester suggester)
    {
        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            return (categories[request.Category], null);
        }
        var suggestions = await suggester.SuggestAsync(text.Topic, categories.ToDictionary(c => c.Key, c => c.Value.NameZh));
        return suggestions.Count > 0
            ? (categories[suggestions[0].Code], suggestions)
            : throw new RequestValidationException("category", "is required: no category could be suggested from the description (GET /api/v1/categories)");
    }

    /// <summary>What the reporter says, else what their role implies: a rider's report is a courier report, a grid worker's a patrol.</summary>
    private static async Task<CaseSource> SourceAsync(string? given, ClaimsPrincipal? user, IAccessControl access)
    {
        if (given is not null && CaseNames.TryParseSource(given, out var source))
        {
            return source;
        }
        var roles = user is null ? [] : (await access.AssignmentsAsync(user)).Select(a => a.Role).ToList();
        return roles.Contains(Roles.Courier) ? CaseSource.Courier : roles.Contains(Roles.GridWorker) ? CaseSource.Patrol : CaseSource.Web;
    }
}
