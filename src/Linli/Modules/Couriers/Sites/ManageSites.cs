using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Review;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Sites;

public sealed record SiteView(Guid Id, string Code, string Name, string Kind, string RegionCode, string Address, double? Lon, double? Lat,
    IReadOnlyList<string> AllowedPlatforms, string? OpenFrom, string? OpenTo, IReadOnlyList<string> Guards, IReadOnlyList<string> GuardNames,
    bool Closed, string ScanUrl, string PosterUrl, int Version);

/// <summary>Community and street staff keep the sites in their area: create (a new code), change the policy and guards, close.</summary>
internal static class ManageSites
{
    public static async Task<Created<SiteView>> Create(SiteRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access, IRegionLookup regions,
        IAccountDirectory accounts, HttpRequest http, TimeProvider clock, CancellationToken ct)
    {
        var site = await SiteRules.CheckAsync(request, regions, accounts, ct);
        await access.EnsureAsync(user, Permissions.SitesManage, site.RegionCode);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var entity = new Site(Guid.CreateVersion7(), SiteRules.NewCode(), ReviewCouriers.Actor(user), now);
        Apply(entity, site, regions, now);
        db.Sites.Add(entity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/sites/{entity.Code}", View(entity, http, await accounts.UserNamesAsync(entity.GuardList, ct)));
    }

    public static async Task<Ok<List<SiteView>>> List(string? region, bool? includeClosed, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IAccountDirectory accounts, HttpRequest http, CancellationToken ct)
    {
        var query = AreaFilter.Within(db.Sites.AsNoTracking(), await access.ScopesAsync(user, Permissions.SitesManage), s => s.RegionCode);
        if (includeClosed != true) query = query.Where(s => !s.Closed);
        if (!string.IsNullOrWhiteSpace(region)) query = query.Where(s => s.RegionCode.StartsWith(region.Trim()));
        var sites = await query.OrderBy(s => s.RegionCode).ThenBy(s => s.Name).Take(5000).ToListAsync(ct);
        var names = await accounts.UserNamesAsync(sites.SelectMany(s => s.GuardList).Distinct().ToList(), ct);
        return TypedResults.Ok(sites.Select(s => View(s, http, names)).ToList());
    }

    public static async Task<Ok<SiteView>> Get(string code, ClaimsPrincipal user, LinliDb db, IAccessControl access, IAccountDirectory accounts,
        HttpRequest http, CancellationToken ct)
    {
        var site = await FindAsync(db, code, user, access, ct, tracking: false);
        return TypedResults.Ok(View(site, http, await accounts.UserNamesAsync(site.GuardList, ct)));
    }

    public static async Task<Ok<SiteView>> Update(string code, SiteRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IRegionLookup regions, IAccountDirectory accounts, HttpRequest http, TimeProvider clock, CancellationToken ct)
    {
        var entity = await FindAsync(db, code, user, access, ct);
        var site = await SiteRules.CheckAsync(request, regions, accounts, ct);
        // Moving a site needs the right on both its old and its new place.
        await access.EnsureAsync(user, Permissions.SitesManage, site.RegionCode);
        Apply(entity, site, regions, clock.GetUtcNow().ToUnixTimeMilliseconds());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(entity, http, await accounts.UserNamesAsync(entity.GuardList, ct)));
    }

    /// <summary>Closing keeps the site and its passages; its code stops working at once.</summary>
    public static async Task<NoContent> Close(string code, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var entity = await FindAsync(db, code, user, access, ct);
        entity.Close(clock.GetUtcNow().ToUnixTimeMilliseconds());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static void Apply(Site entity, CheckedSite site, IRegionLookup regions, long now)
    {
        // A site given without coordinates is put at a point inside its region, so the rider's map can centre on it.
        var point = site.Lon is { } lon && site.Lat is { } lat ? (lon, lat) : regions.PointIn(site.RegionCode);
        entity.Set(site.Name, site.Kind, site.RegionCode, site.Address, point?.Item1, point?.Item2, site.Platforms, site.OpenFrom, site.OpenTo,
            site.GuardUserIds, now);
    }

    public static async Task<Site> FindAsync(LinliDb db, string code, ClaimsPrincipal user, IAccessControl access, CancellationToken ct, bool tracking = true)
    {
        var key = code.Trim().ToUpperInvariant();
        var query = tracking ? db.Sites : db.Sites.AsNoTracking();
        var site = await query.FirstOrDefaultAsync(s => s.Code == key, ct) ?? throw new NotFoundException($"No site has the code {key}.");
        await access.EnsureAsync(user, Permissions.SitesManage, site.RegionCode);
        return site;
    }

    /// <summary>The address a phone's camera opens when it reads the poster.</summary>
    public static string ScanUrl(HttpRequest http, string code) => $"{http.Scheme}://{http.Host}{http.PathBase}/s/{code}";

    /// <summary>The site as the API and pages show it; guards by account id and, where known, by user name.</summary>
    public static SiteView View(Site s, HttpRequest http, IReadOnlyDictionary<string, string> userNames) =>
        new(s.Id, s.Code, s.Name, s.Kind, s.RegionCode, s.Address, s.Lon, s.Lat, s.PlatformList, SiteRules.Clock(s.OpenFromMinute),
            SiteRules.Clock(s.OpenToMinute), s.GuardList, s.GuardList.Select(id => userNames.GetValueOrDefault(id, id)).ToList(), s.Closed,
            ScanUrl(http, s.Code), $"/couriers/sites/{s.Code}/poster", s.Version);
}
