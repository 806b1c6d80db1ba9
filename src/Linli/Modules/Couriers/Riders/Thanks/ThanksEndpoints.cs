using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Couriers.Riders.Thanks;

/// <summary><c>/api/v1/couriers/thanks</c>: give, withdraw, and the public wall.</summary>
internal static class ThanksEndpoints
{
    public static async Task<Created<ThanksReceipt>> Thank(ThanksRequest request, ClaimsPrincipal user, LinliDb db, ThankCouriers desk, CancellationToken ct)
    {
        var receipt = await desk.ThankAsync(db, user, request, ct);
        return TypedResults.Created($"/api/v1/couriers/thanks/{receipt.Thanked[0].ThanksId}", receipt);
    }

    public static async Task<NoContent> Withdraw(Guid id, ClaimsPrincipal user, LinliDb db, ThankCouriers desk, CancellationToken ct)
    {
        await desk.WithdrawAsync(db, user, id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<IReadOnlyList<ThanksEntry>>> Wall(string? street, int? limit, LinliDb db, IRegionLookup regions, CancellationToken ct) =>
        TypedResults.Ok(await ThanksWall.ReadAsync(db, regions, street, limit, ct));
}
