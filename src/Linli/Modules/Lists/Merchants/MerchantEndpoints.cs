using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Lists.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Lists.Merchants;

public sealed record MerchantFeatureCollection(string Type, IReadOnlyList<MerchantFeature> Features);

public sealed record MerchantFeature(string Type, MerchantPoint Geometry, MerchantProperties Properties);

public sealed record MerchantPoint(string Type, double[] Coordinates);

/// <summary>What the public map shows of a merchant: no contact, no credit code.</summary>
public sealed record MerchantProperties(Guid Id, string Name, string Address, IReadOnlyList<string> Categories, IReadOnlyList<MapOffer> Offers);

public sealed record MapOffer(string Category, string Title, string Conditions, string? ConditionNote);

/// <summary><c>/api/v1/merchants</c>: thin HTTP handlers over <see cref="MerchantService"/> and <see cref="OfferService"/>.</summary>
internal static class MerchantEndpoints
{
    public static async Task<Created<MerchantView>> Apply(ApplyRequest request, ClaimsPrincipal user, LinliDb db, MerchantService merchants, CancellationToken ct)
    {
        var view = await merchants.ApplyAsync(db, user, request, ct);
        return TypedResults.Created($"/api/v1/merchants/{view.Id}", view);
    }

    public static async Task<Ok<List<MerchantView>>> Mine(ClaimsPrincipal user, LinliDb db, MerchantService merchants, CancellationToken ct) =>
        TypedResults.Ok(await merchants.MineAsync(db, user, ct));

    public static async Task<Ok<List<MerchantView>>> List(string? status, ClaimsPrincipal user, LinliDb db, MerchantService merchants, CancellationToken ct) =>
        TypedResults.Ok(await merchants.ListAsync(db, user, status, ct));

    public static async Task<Ok<MerchantView>> Get(Guid id, ClaimsPrincipal user, LinliDb db, MerchantService merchants, CancellationToken ct) =>
        TypedResults.Ok(await merchants.GetAsync(db, user, id, ct));

    public static async Task<Ok<MerchantView>> Approve(Guid id, ClaimsPrincipal user, LinliDb db, MerchantService merchants, CancellationToken ct) =>
        TypedResults.Ok(await merchants.DecideAsync(db, user, id, "approve", null, ct));

    public static async Task<Ok<MerchantView>> Reject(Guid id, DecisionRequest request, ClaimsPrincipal user, LinliDb db, MerchantService merchants, CancellationToken ct) =>
        TypedResults.Ok(await merchants.DecideAsync(db, user, id, "reject", request.Reason, ct));

    public static async Task<Ok<MerchantView>> Suspend(Guid id, DecisionRequest request, ClaimsPrincipal user, LinliDb db, MerchantService merchants, CancellationToken ct) =>
        TypedResults.Ok(await merchants.DecideAsync(db, user, id, "suspend", request.Reason, ct));

    public static async Task<Created<OfferView>> CreateOffer(Guid id, OfferRequest request, ClaimsPrincipal user, LinliDb db, OfferService offers, CancellationToken ct)
    {
        var view = await offers.CreateAsync(db, user, id, request, ct);
        return TypedResults.Created($"/api/v1/merchants/offers/{view.Id}", view);
    }

    public static async Task<Ok<OfferView>> UpdateOffer(Guid id, OfferRequest request, ClaimsPrincipal user, LinliDb db, OfferService offers, CancellationToken ct) =>
        TypedResults.Ok(await offers.UpdateAsync(db, user, id, request, ct));

    public static async Task<NoContent> WithdrawOffer(Guid id, ClaimsPrincipal user, LinliDb db, OfferService offers, CancellationToken ct)
    {
        await offers.WithdrawAsync(db, user, id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Approved merchants with a location and their live offers, for the map.</summary>
    public static async Task<MerchantFeatureCollection> GeoJsonAsync(LinliDb db, CancellationToken ct)
    {
        var merchants = await db.Merchants.AsNoTracking().Where(m => m.Status == MerchantStatus.Approved && m.Lon != null && m.Lat != null).ToListAsync(ct);
        var ids = merchants.Select(m => m.Id).ToList();
        var offers = (await db.MerchantOffers.AsNoTracking().Where(o => ids.Contains(o.MerchantId) && !o.Withdrawn).ToListAsync(ct))
            .ToLookup(o => o.MerchantId);
        return new MerchantFeatureCollection("FeatureCollection", merchants.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => new MerchantFeature("Feature",
            new MerchantPoint("Point", [m.Lon!.Value, m.Lat!.Value]),
            new MerchantProperties(m.Id, m.Name, m.Address, m.CategoryList,
                offers[m.Id].Select(o => new MapOffer(o.Category, o.Title, o.Conditions, o.ConditionNote)).ToList()))).ToList());
    }

    public static async Task<IResult> GeoJson(LinliDb db, CancellationToken ct) =>
        TypedResults.Json(await GeoJsonAsync(db, ct), contentType: "application/geo+json");
}
