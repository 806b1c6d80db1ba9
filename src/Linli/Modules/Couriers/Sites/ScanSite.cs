using System.Security.Claims;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Gate;
using Linli.Modules.Couriers.Registration;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Linli.Modules.Couriers.Sites;

public sealed record ScanSiteInfo(string Code, string Name, string Kind, string Address, double? Lon, double? Lat);

public sealed record ScanPassInfo(string Number, string MaskedName, string Platform, string PlatformName, string Team);

/// <summary>What the rider sees after scanning a poster: let in or not and why, the site, their pass, where the map is.</summary>
public sealed record ScanResult(bool Allowed, string? Reason, string? ReasonText, Guid PassageId, DateTimeOffset At, ScanSiteInfo Site,
    ScanPassInfo? Pass, string? MapUrl);

/// <summary>
/// The online pass: a rider scans the site's poster; Linli checks the rider, the pass and the site's
/// policy, records the passage (allowed or refused) and puts it on the guard's page at once.
/// </summary>
internal static class ScanSite
{
    /// <summary>How long after being let in the rider may open the compound's map.</summary>
    public static readonly TimeSpan MapWindow = TimeSpan.FromHours(2);

    private static readonly JsonSerializerOptions GeoJson = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };

    public static async Task<Ok<ScanResult>> Handle(string code, ClaimsPrincipal user, LinliDb db, IGateFeed feed, IConfiguration config, TimeProvider clock,
        CancellationToken ct)
    {
        var key = code.Trim().ToUpperInvariant();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == key, ct) ?? throw new NotFoundException($"No site has the code {key}.");
        var courier = await MyCourier.MineAsync(db, user, ct);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var pass = await PassIssuer.CurrentAsync(db, courier.Id, nowMs, ct);
        var reason = courier.Status switch
        {
            CourierStatus.Suspended => "suspended",
            not CourierStatus.Approved => "not-approved",
            _ when pass is null => await db.CourierPasses.AnyAsync(p => p.CourierId == courier.Id && p.RevokedAtMs != null, ct) ? "revoked" : "no-pass",
            _ => SitePolicy.Refusal(site, courier.Platform, now),
        };
        var passage = new Passage(Guid.CreateVersion7(), site.Id, courier.Id, pass?.Id, PassageMethod.SiteScan, reason is null, reason, nowMs)
            .CheckedAtGate(null, null, null, nowMs);
        db.Passages.Add(passage);
        await db.SaveChangesAsync(ct);
        var complaintPhone = config["Linli:Couriers:ComplaintPhone"] ?? GatePassages.DefaultComplaintPhone;
        await feed.PublishAsync(GatePassages.Build(passage, site.Code, courier, pass?.Number, complaintPhone), ct);
        var platform = Platforms.Find(courier.Platform);
        return TypedResults.Ok(new ScanResult(reason is null, reason, reason is null ? null : GatePassages.ReasonText(reason), passage.Id,
            CourierViews.At(nowMs), new ScanSiteInfo(site.Code, site.Name, site.Kind, site.Address, site.Lon, site.Lat),
            pass is null ? null : new ScanPassInfo(pass.Number, courier.NameMasked, courier.Platform, platform?.NameZh ?? courier.Platform, courier.Team),
            reason is null ? $"/api/v1/sites/{site.Code}/map" : null));
    }

    /// <summary>The compound's outline and buildings as GeoJSON, for a rider let in within the last two hours.</summary>
    public static async Task<IResult> Map(string code, ClaimsPrincipal user, LinliDb db, IRegionLookup regions, TimeProvider clock, CancellationToken ct)
    {
        var key = code.Trim().ToUpperInvariant();
        var site = await db.Sites.AsNoTracking().FirstOrDefaultAsync(s => s.Code == key && !s.Closed, ct) ?? throw new NotFoundException($"No site has the code {key}.");
        var courier = await MyCourier.MineAsync(db, user, ct);
        var since = clock.GetUtcNow().Add(-MapWindow).ToUnixTimeMilliseconds();
        if (!await db.Passages.AnyAsync(p => p.SiteId == site.Id && p.CourierId == courier.Id && p.Allowed && p.AtMs >= since, ct))
        {
            throw new ForbiddenException("Scan the site's code at the gate first; the map opens for two hours after you are let in.");
        }
        var features = new FeatureCollection();
        foreach (var outline in regions.OutlinesUnder(site.RegionCode, 500))
        {
            features.Add(new Feature(outline.Geometry, new AttributesTable
            {
                { "code", outline.Region.Code }, { "name", outline.Region.Name }, { "level", outline.Region.Level },
            }));
        }
        if (site.Lon is { } lon && site.Lat is { } lat)
        {
            features.Add(new Feature(Wgs84.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(lon, lat)),
                new AttributesTable { { "code", site.Code }, { "name", site.Name }, { "level", "site" } }));
        }
        return TypedResults.Text(JsonSerializer.Serialize(features, GeoJson), "application/geo+json");
    }
}
