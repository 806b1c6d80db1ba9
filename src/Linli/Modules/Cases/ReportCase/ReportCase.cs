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
    public static async Task<IResult> Handle(HttpContext http, LinliDb db, IRegionLookup regions, CaseIntake intake, TimeProvider clock,
        CancellationToken ct)
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
        var user = http.User.Identity?.IsAuthenticated == true ? http.User : null;
        var (outcome, token, suggestions) = await intake.SubmitAsync(request, photos, key.Length > 0 ? key : null, requestHash, user, ct);
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
}
