using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Classification;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.Duplicates;
using Linli.Modules.Cases.QueryCases;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ReportCase;

public sealed record ReporterDto(string? Name, string? Phone);

public sealed record ReportCaseRequest(string? Category, string? Description, double? Lon, double? Lat, string? Address,
    string? Priority, string? Source, ReporterDto? Reporter);

/// <summary>
/// <c>POST /api/v1/cases</c>: anyone may report (residents without an account). The point is routed
/// to building, grid, community, street and district; without a category the words choose one;
/// a report that repeats an open case nearby joins it (200 with <c>duplicateOf</c>) instead of
/// opening another (201). With an <c>Idempotency-Key</c>, a retry is the same report and a
/// different body under the key is refused.
/// </summary>
internal static class ReportCase
{
    public static async Task<IResult> Handle(HttpContext http, LinliDb db, IRegionLookup regions, CalendarStore calendars, CategoryCatalog catalog,
        CategorySuggester suggester, ReportReader reader, IntakeWriter writer, PersonalDataProtector protector, IAccessControl access,
        Infrastructure.Files.IFileStore files, TimeProvider clock, CancellationToken ct)
    {
        var (request, photos) = await ReportForm.ReadAsync(http.Request, ct);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            throw new RequestValidationException("Idempotency-Key", "at most 200 characters");
        }
        var requestHash = ReportForm.Hash(request, photos);
        // The writer recognises retries anyway; asking first only saves storing a retry's photos again.
        if (key.Length > 0 && photos.Count > 0 && await ReplayAsync(key, requestHash, db, ct) is { } earlier)
        {
            return Answer(http, earlier, regions, clock, token: null, suggestions: null);
        }
        var categories = await catalog.AllAsync(ct);
        Validate(request, categories);
        var text = await reader.ReadAsync(request.Description!);
        var (category, suggestions) = await CategoryAsync(request, text, categories, suggester);
        var location = regions.Locate(request.Lon!.Value, request.Lat!.Value)
            ?? throw new UnprocessableException("Outside the city", $"({request.Lon}, {request.Lat}) lies in no grid of this city (nor within 50 m of one).");
        var now = clock.GetUtcNow();
        var user = http.User.Identity?.IsAuthenticated == true ? http.User : null;
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var reportId = Guid.NewGuid();
        var prepared = new PreparedReport(
            reportId, Guid.NewGuid(), key.Length > 0 ? key : null, requestHash, category,
            suggestions is null ? null : new { suggested = suggestions[0].Code, confidence = suggestions[0].Confidence },
            await SourceAsync(request.Source, user, access), request.Priority ?? category.DefaultPriority,
            request.Description!.Trim(), request.Address?.Trim(),
            Wgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(request.Lon.Value, request.Lat.Value)),
            CaseRegions.Of(location),
            new CaseContext(now, user?.FindFirstValue(ClaimTypes.NameIdentifier), user?.Identity?.Name ?? "anonymous", await calendars.CurrentAsync(ct), category.DisposalLimit),
            protector.Protect(request.Reporter?.Name?.Trim()),
            protector.Protect(request.Reporter?.Phone is { } p ? PersonalDataFormats.Normalise(PersonalDataKind.Phone, p) : null),
            FollowHash(token), text,
            // Stored under the report before the write decides its case; the rows point at the case.
            await Photos.CasePhotos.StoreAsync(reportId, "report", photos, files, now.ToUnixTimeMilliseconds(), ct));
        var outcome = await writer.WriteAsync(prepared, ct);
        return Answer(http, outcome, regions, clock, outcome.Replayed ? null : token, suggestions);
    }

    public static DomainException KeyReused(string key) =>
        new("Idempotency key reused", $"Idempotency-Key '{key}' was used for a different report; use a new key for a new report.");

    public static string FollowHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static IResult Answer(HttpContext http, IntakeOutcome outcome, IRegionLookup regions, TimeProvider clock, string? token,
        IReadOnlyList<CategorySuggestion>? suggestions)
    {
        var c = outcome.Case;
        http.Response.Headers.ETag = CaseView.ETag(c);
        var view = CaseView.Of(c, regions, clock.GetUtcNow()) with
        {
            // The follow token is shown once, at the first answer; a replay cannot recover it.
            FollowToken = token,
            FollowUrl = token is null ? null : $"/follow/{token}",
            DuplicateOf = outcome.Joined ? new CaseReference(c.Id, c.Number) : null,
            SuggestedCategories = suggestions,
        };
        return outcome.Joined ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/cases/{c.Id}", view);
    }

    private static async Task<IntakeOutcome?> ReplayAsync(string key, string requestHash, LinliDb db, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (record is null)
        {
            return null;
        }
        if (record.RequestHash != requestHash)
        {
            throw KeyReused(key);
        }
        // The report may have moved since (merged, split): answer with the case it is in now.
        var report = await db.CaseReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == record.ReportId, ct);
        var existing = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == (report == null ? record.CaseId : report.CaseId), ct);
        return new IntakeOutcome(existing, report?.How == "duplicate", Replayed: true);
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
