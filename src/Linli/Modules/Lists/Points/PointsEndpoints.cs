using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Points;

/// <summary><c>/api/v1/points</c>: thin HTTP handlers over <see cref="PointsDesk"/> and <see cref="PointsBook"/>.</summary>
internal static class PointsEndpoints
{
    public static async Task<Ok<LedgerView>> Mine(ClaimsPrincipal user, LinliDb db, PointsBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.LedgerAsync(db, UserId(user), ct));

    public static async Task<Ok<LedgerView>> Person(string id, ClaimsPrincipal user, LinliDb db, PointsDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.PersonAsync(db, user, id, ct));

    public static async Task<Created<HoursView>> RecordHours(HoursRequest request, ClaimsPrincipal user, LinliDb db, PointsDesk desk, CancellationToken ct)
    {
        var view = await desk.RecordHoursAsync(db, user, request, ct);
        return TypedResults.Created($"/api/v1/points/people/{view.UserId}", view);
    }

    public static async Task<Created<CodeView>> CreateCode(CodeRequest request, ClaimsPrincipal user, LinliDb db, PointsDesk desk, HttpContext http, CancellationToken ct)
    {
        // The code is as good as the points it carries until it expires: no cache keeps it.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created("/api/v1/points/me", await desk.CreateCodeAsync(db, user, request, ct));
    }

    public static async Task<Ok<RedeemView>> Redeem(RedeemRequest request, ClaimsPrincipal user, LinliDb db, PointsDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.RedeemAsync(db, user, request, ct));

    /// <summary>Refunds are refused by rule, whoever asks: the ledger is append-only and a spent point stays spent.</summary>
    public static NoContent Refund(long id) =>
        throw new DomainException("No refunds", $"points are never refunded: entry {id} stays as it is (a spent point is spent once; a goodwill award goes through the community as a new earning)");
}
