using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Matching.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Matching.ProposeMatches;

public sealed record StartRunRequest(string? Region);

/// <summary><c>POST /api/v1/matching/runs</c> and <c>GET /api/v1/matching/runs/{id}</c>: run the matching of a community or street and read what it proposed.</summary>
internal static class ProposeMatches
{
    /// <summary>Levels a run may cover: a street's needs and offers are still few enough to discuss at one joint meeting.</summary>
    public static readonly string[] Levels = ["street", "community"];

    public static async Task<Created<RunView>> Start(StartRunRequest request, HttpContext http, LinliDb db, IAccessControl access,
        IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var run = await StartAsync(request.Region, http.User, db, access, regions, clock, ct);
        return TypedResults.Created($"/api/v1/matching/runs/{run.Id}", await RunViews.LoadAsync(db, run.Id, ct));
    }

    /// <summary>Checks the region and the user's right to it, runs the matching and stores the run with its proposals. The API and the page both run it here.</summary>
    public static async Task<MatchingRun> StartAsync(string? region, ClaimsPrincipal user, LinliDb db, IAccessControl access, IRegionLookup regions,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new RequestValidationException("region", "the code of the community or street to match");
        }
        var path = regions.PathTo(region);
        if (path.Count == 0 || !Levels.Contains(path[^1].Level))
        {
            throw new RequestValidationException("region", $"'{region}' is not a community or street of this city");
        }
        await access.EnsureAsync(user, Permissions.ListsManage, region);
        var run = await MatchingEngine.RunAsync(db, region, [.. path.Select(p => p.Code)], Actor(user), clock.GetUtcNow(), ct);
        db.MatchingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    public static async Task<Ok<RunView>> Get(Guid id, HttpContext http, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var region = await db.MatchingRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.RegionCode).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"Matching run {id} does not exist.");
        await access.EnsureAsync(http.User, Permissions.ListsRead, region);
        return TypedResults.Ok(await RunViews.LoadAsync(db, id, ct));
    }

    public static string Actor(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
