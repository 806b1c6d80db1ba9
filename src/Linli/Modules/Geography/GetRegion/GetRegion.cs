using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.GetRegion;

public sealed record PartyOrganisationSummary(long Id, string Kind, string Name, int MemberCount);

public sealed record RegionDetails(
    string Code,
    string Name,
    string Level,
    string? ParentCode,
    double[] Centroid,
    double[] Bbox,
    double AreaM2,
    int? Households,
    IReadOnlyList<RegionRef> Ancestors,
    int ChildrenCount,
    PartyOrganisationSummary? PartyOrganisation);

public sealed record RegionListItem(string Code, string Name, string Level, double AreaM2, int ChildrenCount);

internal static class GetRegion
{
    public static async Task<Ok<RegionDetails>> Handle(string code, LinliDb db, ClaimsPrincipal user, IAccessControl access, CancellationToken ct)
    {
        await access.EnsureAsync(user, Permissions.RegionsRead, code);
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct)
            ?? throw new NotFoundException($"Region {code} does not exist.");
        var ancestors = new List<RegionRef>();
        for (var parentCode = region.ParentCode; parentCode is not null;)
        {
            var parent = await db.Regions.AsNoTracking()
                .Where(r => r.Code == parentCode)
                .Select(r => new { r.Code, r.Name, r.Level, r.ParentCode })
                .FirstOrDefaultAsync(ct);
            if (parent is null)
            {
                break;
            }
            ancestors.Insert(0, new RegionRef(parent.Code, parent.Name, parent.Level.ToName()));
            parentCode = parent.ParentCode;
        }
        var childrenCount = await db.Regions.CountAsync(r => r.ParentCode == code, ct);
        var party = await db.PartyOrganisations.AsNoTracking()
            .Where(o => o.RegionCode == code)
            .Select(o => new PartyOrganisationSummary(o.Id, o.Kind.ToString(), o.Name, o.Members.Count))
            .FirstOrDefaultAsync(ct);
        var envelope = region.Boundary.EnvelopeInternal;
        return TypedResults.Ok(new RegionDetails(
            region.Code, region.Name, region.Level.ToName(), region.ParentCode,
            [region.Centroid.X, region.Centroid.Y],
            [envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY],
            region.AreaSquareMeters, region.Households, ancestors, childrenCount, party));
    }

    /// <summary>The tops of what the user may read: the trees' roots for city-wide roles, else their own scopes.</summary>
    public static async Task<Ok<List<RegionListItem>>> Roots(LinliDb db, ClaimsPrincipal user, IAccessControl access, CancellationToken ct)
    {
        var scopes = await access.ScopesAsync(user, Permissions.RegionsRead);
        return TypedResults.Ok(await ListAsync(db, scopes is null ? r => r.ParentCode == null : r => scopes.Contains(r.Code), ct));
    }

    /// <summary>The children of a region.</summary>
    public static async Task<Ok<List<RegionListItem>>> Children(string code, LinliDb db, ClaimsPrincipal user, IAccessControl access, CancellationToken ct)
    {
        await access.EnsureAsync(user, Permissions.RegionsRead, code);
        if (!await db.Regions.AnyAsync(r => r.Code == code, ct))
        {
            throw new NotFoundException($"Region {code} does not exist.");
        }
        return TypedResults.Ok(await ListAsync(db, r => r.ParentCode == code, ct));
    }

    private static async Task<List<RegionListItem>> ListAsync(LinliDb db, System.Linq.Expressions.Expression<Func<Region, bool>> which, CancellationToken ct)
    {
        var items = await db.Regions.AsNoTracking()
            .Where(which)
            .OrderBy(r => r.Code)
            .Select(r => new
            {
                r.Code,
                r.Name,
                r.Level,
                r.AreaSquareMeters,
                Children = db.Regions.Count(c => c.ParentCode == r.Code),
            })
            .ToListAsync(ct);
        return items.Select(i => new RegionListItem(i.Code, i.Name, i.Level.ToName(), i.AreaSquareMeters, i.Children)).ToList();
    }

    /// <summary>The party organisation attached to a region, with its members.</summary>
    public static async Task<Ok<PartyOrganisationDetails>> Party(string code, LinliDb db, ClaimsPrincipal user, IAccessControl access,
        Infrastructure.Protection.PersonalDataProtector protector, CancellationToken ct)
    {
        await access.EnsureAsync(user, Permissions.RegionsRead, code);
        var org = await db.PartyOrganisations.AsNoTracking()
            .Include(o => o.Members)
            .FirstOrDefaultAsync(o => o.RegionCode == code, ct)
            ?? throw new NotFoundException($"Region {code} has no party organisation.");
        return TypedResults.Ok(new PartyOrganisationDetails(org.Id, org.RegionCode, org.Kind.ToString(), org.Name,
            org.Members.Select(m => new PartyMemberItem(m.Id,
                Infrastructure.Protection.PersonalDataFormats.MaskName(protector.Unprotect(m.NameProtected) ?? ""), m.Role.ToString())).ToList()));
    }
}

public sealed record PartyMemberItem(long Id, string Name, string Role);

public sealed record PartyOrganisationDetails(long Id, string RegionCode, string Kind, string Name, IReadOnlyList<PartyMemberItem> Members);
