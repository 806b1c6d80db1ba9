using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Categories;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.GetDemand;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Coverage;

/// <summary>
/// GET /api/v1/lists/coverage?region=: needs recorded, open, met and the waiting times per community
/// under the region (per grid under a community), by category group. Two queries whatever the size
/// of the region — the needs and their status steps — then one pass in memory.
/// </summary>
internal static class GetCoverage
{
    private static readonly string[] Steps = ["matched", "in-project", "fulfilled", "reopened", "closed"];

    public static async Task<Ok<CoverageReport>> Handle(string? region, HttpContext http, LinliDb db, IAccessControl access, IRegionLookup regions,
        TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BuildAsync(region, http.User, db, access, regions, clock, ct));

    public static async Task<CoverageReport> BuildAsync(string? region, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var (target, path) = await ResolveAsync(region, user, access, regions);
        var rows = RowsUnder(target, regions);
        var prefix = RegionScope.Prefix(target.Code);
        var needs = await db.Demands.AsNoTracking().Where(d => d.RegionCode.StartsWith(prefix))
            .Select(d => new { d.Id, d.RegionCode, d.Category, d.Status, d.CreatedAt }).ToListAsync(ct);
        var steps = (await (from e in db.ListEvents.AsNoTracking()
                            join d in db.Demands.Where(d => d.RegionCode.StartsWith(prefix)) on e.EntityId equals d.Id
                            where e.Entity == ListEntity.Demand && Steps.Contains(e.Action)
                            select new { e.EntityId, e.Id, e.Action, e.At }).ToListAsync(ct))
            .GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Id).Select(e => (e.Action, e.At)).ToList());
        var now = clock.GetUtcNow();
        var outcomes = needs.Select(n => Outcome(n.RegionCode, n.Category, n.Status, n.CreatedAt, steps.GetValueOrDefault(n.Id) ?? [], now)).ToList();

        var index = new RowIndex(rows.Select(r => r.Code));
        var byRow = outcomes.GroupBy(o => index.RowOf(o.RegionCode)).Where(g => g.Key is not null).ToDictionary(g => g.Key!, g => g.ToList());
        return new CoverageReport(Ref(target), path.Select(Ref).ToList(), rows.FirstOrDefault()?.Level, now.ToOffset(DemandViews.China),
            CoverageMath.Of(outcomes), ByGroup(outcomes),
            rows.Select(r => byRow.TryGetValue(r.Code, out var mine)
                ? new CoverageRow(r.Code, r.Name, r.Level, CoverageMath.Of(mine), ByGroup(mine))
                : new CoverageRow(r.Code, r.Name, r.Level, CoverageMath.Of([]), [])).ToList());
    }

    /// <summary>Replays a need's status steps: where it stands, and how long it waited to be served.</summary>
    private static NeedOutcome Outcome(string regionCode, string category, DemandStatus status, DateTimeOffset createdAt,
        List<(string Action, DateTimeOffset At)> steps, DateTimeOffset now)
    {
        var servedAt = steps.Where(s => s.Action is "matched" or "in-project" or "fulfilled").Select(s => (DateTimeOffset?)s.At).FirstOrDefault();
        var before = DemandStatus.Open;
        var current = DemandStatus.Open;
        foreach (var (action, _) in steps)
        {
            before = current;
            current = action switch
            {
                "matched" => DemandStatus.Matched,
                "in-project" => DemandStatus.InProject,
                "fulfilled" => DemandStatus.Fulfilled,
                "closed" => DemandStatus.Closed,
                _ => DemandStatus.Open,
            };
        }
        var state = status switch
        {
            DemandStatus.Open => "open",
            DemandStatus.Matched or DemandStatus.InProject => "in-progress",
            DemandStatus.Fulfilled => "met",
            // Closed from open: no longer needed; closed from any served state: done, with evidence.
            _ => current == DemandStatus.Closed && before != DemandStatus.Open ? "met" : "closed-unmet",
        };
        return new NeedOutcome(regionCode, NeedCategories.Find(category)?.Group ?? "other", state,
            servedAt is { } s ? Math.Max(0, (s - createdAt).TotalDays) : null, status == DemandStatus.Open ? (now - createdAt).TotalDays : null);
    }

    private static List<GroupFigures> ByGroup(IEnumerable<NeedOutcome> outcomes) =>
        outcomes.GroupBy(o => o.Group).OrderBy(g => GroupOrder(g.Key)).Select(g =>
        {
            var term = ListVocabulary.GroupOf(g.Key);
            return new GroupFigures(g.Key, term.Chinese, term.English, CoverageMath.Of(g.ToList()));
        }).ToList();

    private static int GroupOrder(string code)
    {
        var index = ListVocabulary.Groups.Select(g => g.Code).ToList().IndexOf(code);
        return index < 0 ? int.MaxValue : index;
    }

    /// <summary>Communities under a region above them; under a community (or finer), its children.</summary>
    private static List<RegionRef> RowsUnder(RegionRef target, IRegionLookup regions)
    {
        if (!RegionLevels.TryParse(target.Level, out var level) || level >= RegionLevel.Community)
        {
            return [.. regions.ChildrenOf(target.Code)];
        }
        var rows = new List<RegionRef>();
        var frontier = new Queue<RegionRef>(regions.ChildrenOf(target.Code));
        while (frontier.TryDequeue(out var r))
        {
            if (!RegionLevels.TryParse(r.Level, out var l) || l >= RegionLevel.Community) rows.Add(r);
            else foreach (var child in regions.ChildrenOf(r.Code)) frontier.Enqueue(child);
        }
        return [.. rows.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }

    /// <summary>The region asked for if the user reads its lists, else the top of her scope.</summary>
    public static async Task<(RegionRef Region, IReadOnlyList<RegionRef> Path)> ResolveAsync(string? region, ClaimsPrincipal user,
        IAccessControl access, IRegionLookup regions)
    {
        await access.EnsureAsync(user, Permissions.ListsRead);
        region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        if (region is not null && (region.Length is < 6 or > 19 || !region.All(char.IsAsciiDigit)))
        {
            throw new RequestValidationException("region", "a region code of 6 to 19 digits");
        }
        var scopes = await access.ScopesAsync(user, Permissions.ListsRead);
        var code = region ?? (scopes ?? regions.ChildrenOf(null).Select(r => r.Code)).FirstOrDefault()
            ?? throw new NotFoundException("There are no regions yet: import some at /api/v1/regions/import.");
        var path = regions.PathTo(code);
        if (path.Count == 0)
        {
            throw new RequestValidationException("region", $"no region has the code {code}");
        }
        await access.EnsureAsync(user, Permissions.ListsRead, code);
        return (path[^1], path.Where(r => scopes is null || scopes.Any(s => RegionScope.Covers(s, r.Code))).ToList());
    }

    private static CoverageRegion Ref(RegionRef r) => new(r.Code, r.Name, r.Level);

    /// <summary>Finds the row a need's region belongs to by code prefix, a few dictionary probes per need.</summary>
    private sealed class RowIndex
    {
        private readonly Dictionary<string, string> _byPrefix;
        private readonly int[] _lengths;

        public RowIndex(IEnumerable<string> codes)
        {
            _byPrefix = codes.ToDictionary(RegionScope.Prefix, c => c);
            _lengths = [.. _byPrefix.Keys.Select(k => k.Length).Distinct().OrderDescending()];
        }

        public string? RowOf(string code)
        {
            foreach (var length in _lengths)
            {
                if (length <= code.Length && _byPrefix.TryGetValue(code[..length], out var row)) return row;
            }
            return null;
        }
    }
}
