using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Linli.Modules.Geography.Index;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.ImportRegions;

/// <summary>The answer to a successful import: how many regions of each level were stored.</summary>
public sealed record ImportRegionsResponse(int Total, IReadOnlyDictionary<string, int> Counts);

/// <summary>The import was refused; nothing was stored. One entry per bad feature.</summary>
internal sealed class RegionImportRejected(IReadOnlyList<ImportError> errors)
    : UnprocessableException("The region file was rejected; nothing was stored.",
        $"{errors.Count} feature(s) are invalid; see 'errors'.")
{
    public IReadOnlyList<ImportError> Errors => errors;
}

internal static class ImportRegions
{
    public const long MaxUploadBytes = 1L << 30;

    public static async Task<Ok<ImportRegionsResponse>> Handle(
        HttpRequest request, LinliDb db, RegionIndexHolder index, TimeProvider clock, ClaimsPrincipal user, IAccessControl access,
        IAuditLog audit, CancellationToken ct)
    {
        // Spool the upload to disk so that its size costs disk, not memory, then read it mapped.
        var spool = Path.Combine(Path.GetTempPath(), $"linli-import-{Guid.NewGuid():N}.geojson");
        try
        {
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await request.Body.CopyToAsync(file, ct);
            }
            var features = GeoJsonFeatureReader.ReadFile(spool);
            await EnsureWithinScopeAsync(features, user, access);
            ImportRegionsResponse response;
            try
            {
                response = await ImportAsync(features, db, clock, ct);
            }
            catch (DomainException e)
            {
                await audit.RecordAsync("regions.import", null, AuditOutcomes.Failure, e.Message, CancellationToken.None);
                throw;
            }
            await audit.RecordAsync("regions.import", null, AuditOutcomes.Success,
                string.Join(", ", response.Counts.Select(c => $"{c.Value} {c.Key}")), CancellationToken.None);
            await index.RefreshAsync(force: false, ct);
            return TypedResults.Ok(response);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>A district officer imports within the district; only an admin anywhere.</summary>
    private static async Task EnsureWithinScopeAsync(List<RawFeature> features, ClaimsPrincipal user, IAccessControl access)
    {
        var scopes = await access.ScopesAsync(user, Permissions.RegionsManage);
        if (scopes is null)
        {
            await access.EnsureAsync(user, Permissions.RegionsManage);
            return;
        }
        var outside = features.Select(f => f.Code).OfType<string>()
            .Where(code => !scopes.Any(scope => RegionScope.Covers(scope, code)))
            .Take(5).ToList();
        if (outside.Count > 0)
        {
            throw new ForbiddenException($"Not allowed: this file touches regions outside your scope ({string.Join(", ", outside)}).");
        }
    }

    /// <summary>Validates everything, then stores everything in one transaction, or nothing.</summary>
    public static async Task<ImportRegionsResponse> ImportAsync(List<RawFeature> features, LinliDb db, TimeProvider clock, CancellationToken ct)
    {
        var validator = new RegionImportValidator();
        var candidates = await validator.ValidateAsync(features, new DbStoredRegions(db), ct);
        if (validator.Errors is { Count: > 0 } errors)
        {
            var rejected = new RegionImportRejected(errors);
            rejected.Extensions["errors"] = errors;
            throw rejected;
        }
        var now = clock.GetUtcNow();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RegionWriter.InsertAsync(db, candidates.Select(c =>
                new Region(c.Code, c.Name, c.Level, c.ParentCode, c.Geometry!, c.Households, now)), ct);
            await RegionWriter.AdvanceVersionAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Only a concurrent import of the same codes gets here: validation saw them free.
            throw new DomainException("Concurrent import",
                $"Another import stored some of these codes meanwhile; nothing of this import was stored. ({e.InnerException?.Message ?? e.Message})");
        }
        var counts = candidates
            .GroupBy(c => c.Level)
            .OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToName(), g => g.Count());
        return new ImportRegionsResponse(candidates.Count, counts);
    }
}
