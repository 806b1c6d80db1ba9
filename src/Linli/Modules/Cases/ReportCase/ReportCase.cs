using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.QueryCases;
using Linli.Modules.Geography.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ReportCase;

public sealed record ReporterDto(string? Name, string? Phone);

public sealed record ReportCaseRequest(string? Category, string? Description, double? Lon, double? Lat, string? Address,
    string? Priority, string? Source, ReporterDto? Reporter);

/// <summary>
/// <c>POST /api/v1/cases</c>: anyone may report (residents without an account). The point is routed
/// to building, grid, community, street and district; the category gives the limits. With an
/// <c>Idempotency-Key</c>, a retry is the same case and a different body under the key is refused.
/// </summary>
internal static class ReportCase
{
    public static async Task<IResult> Handle(HttpContext http, LinliDb db, IRegionLookup regions, CalendarStore calendars,
        PersonalDataProtector protector, IAccessControl access, Infrastructure.Files.IFileStore files, Notifications.CaseNotifier notifier,
        TimeProvider clock, CancellationToken ct)
    {
        var (request, photos) = await ReportForm.ReadAsync(http.Request, ct);
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var requestHash = ReportForm.Hash(request, photos);
        if (key.Length > 0 && await ReplayAsync(key, requestHash, db, regions, clock, ct) is { } replay)
        {
            return replay;
        }
        var category = await ValidateAsync(request, db, ct);
        var location = regions.Locate(request.Lon!.Value, request.Lat!.Value)
            ?? throw new UnprocessableException("Outside the city", $"({request.Lon}, {request.Lat}) lies in no grid of this city (nor within 50 m of one).");
        var now = clock.GetUtcNow();
        var calendar = await calendars.CurrentAsync(ct);
        var user = http.User.Identity?.IsAuthenticated == true ? http.User : null;
        var source = await SourceAsync(request.Source, user, access);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var context = new CaseContext(now, user?.FindFirstValue(ClaimTypes.NameIdentifier), user?.Identity?.Name ?? "anonymous", calendar, category.DisposalLimit);
        var routed = new CaseRegions(location.District?.Code ?? location.Grid.Code[..6], location.Street?.Code, location.Community?.Code,
            location.Grid.Code, location.Building?.Code);

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var number = await NextNumberAsync(db, routed.District, now, ct);
                var reported = Case.Report(Guid.NewGuid(), number, source, category.Code, request.Priority ?? category.DefaultPriority,
                    request.Description!.Trim(), request.Address?.Trim(), Infrastructure.Persistence.Wgs84.Factory.CreatePoint(
                        new NetTopologySuite.Geometries.Coordinate(request.Lon.Value, request.Lat.Value)), routed,
                    context.UserId, protector.Protect(request.Reporter?.Name?.Trim()), protector.Protect(request.Reporter?.Phone is { } p ? PersonalDataFormats.Normalise(PersonalDataKind.Phone, p) : null),
                    FollowHash(token), context);
                db.Cases.Add(reported);
                db.CasePhotos.AddRange(await Photos.CasePhotos.StoreAsync(reported.Id, "report", photos, files, now.ToUnixTimeMilliseconds(), ct));
                if (key.Length > 0)
                {
                    db.IdempotencyRecords.Add(new IdempotencyRecord(key, requestHash, reported.Id, now.ToUnixTimeMilliseconds()));
                }
                Notifications.CaseNotifier.Add(db, reported, "report", now.ToUnixTimeMilliseconds());
                await db.SaveChangesAsync(ct);
                await Indicators.CaseCounters.RecordAsync(db, reported, "report", null, now, wasDeferred: false, ct);
                await transaction.CommitAsync(ct);
                await notifier.PushAsync(reported, "report", Notifications.CaseNotifier.Describe(reported, "report"));
                http.Response.Headers.ETag = CaseView.ETag(reported);
                return TypedResults.Created($"/api/v1/cases/{reported.Id}",
                    CaseView.Of(reported, regions, now) with { FollowToken = token, FollowUrl = $"/follow/{token}" });
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                // A concurrent report took the number, or the same idempotency key: look again.
                await transaction.RollbackAsync(ct);
                if (key.Length > 0 && await ReplayAsync(key, requestHash, db, regions, clock, ct) is { } concurrent)
                {
                    return concurrent;
                }
            }
        }
    }

    public static string FollowHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static async Task<IResult?> ReplayAsync(string key, string requestHash, LinliDb db, IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (record is null)
        {
            return null;
        }
        if (record.RequestHash != requestHash)
        {
            throw new DomainException("Idempotency key reused", $"Idempotency-Key '{key}' was used for a different report; use a new key for a new report.");
        }
        var existing = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == record.CaseId, ct);
        // The follow token is shown once, at the first answer; a replay cannot recover it.
        return TypedResults.Created($"/api/v1/cases/{existing.Id}", CaseView.Of(existing, regions, clock.GetUtcNow()));
    }

    private static async Task<Categories.MinorCategory> ValidateAsync(ReportCaseRequest request, LinliDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        Categories.MinorCategory? category = null;
        if (string.IsNullOrWhiteSpace(request.Category))
        {
            errors["category"] = ["is required: a minor category code such as 1101"];
        }
        else if ((category = await db.MinorCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == request.Category, ct)) is null)
        {
            errors["category"] = [$"category {request.Category} does not exist (GET /api/v1/categories)"];
        }
        if (string.IsNullOrWhiteSpace(request.Description)) errors["description"] = ["is required"];
        else if (request.Description.Length > 4000) errors["description"] = ["at most 4,000 characters"];
        if (request.Lon is not (>= -180 and <= 180)) errors["lon"] = ["a longitude between -180 and 180 is required"];
        if (request.Lat is not (>= -90 and <= 90)) errors["lat"] = ["a latitude between -90 and 90 is required"];
        if (request.Address?.Length > 500) errors["address"] = ["at most 500 characters"];
        if (request.Priority is not null && !Categories.Priorities.All.Contains(request.Priority)) errors["priority"] = [$"must be one of {string.Join(", ", Categories.Priorities.All)}"];
        if (request.Source is not null && !CaseNames.TryParseSource(request.Source, out _)) errors["source"] = ["must be one of web, phone, courier, patrol, hotline, inspection, open311"];
        if (request.Reporter?.Phone is { Length: > 0 } phone && !PersonalDataFormats.IsMobile(phone)) errors["reporter.phone"] = ["must be an 11-digit mainland mobile number"];
        if (request.Reporter?.Name?.Length > 50) errors["reporter.name"] = ["at most 50 characters"];
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        return category!;
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

    private static async Task<string> NextNumberAsync(LinliDb db, string district, DateTimeOffset now, CancellationToken ct)
    {
        var day = now.ToOffset(WorkingCalendar.ChinaStandardTime).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var updated = await db.CaseNumberCounters.Where(n => n.District == district && n.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Last, n => n.Last + 1), ct);
        if (updated == 0)
        {
            db.CaseNumberCounters.Add(new CaseNumberCounter(district, day, 1));
            await db.SaveChangesAsync(ct);
        }
        var last = await db.CaseNumberCounters.Where(n => n.District == district && n.Day == day).Select(n => n.Last).SingleAsync(ct);
        return $"{district}-{day}-{last:D5}";
    }
}
