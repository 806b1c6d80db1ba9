using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Traffic.Board.Live;

/// <summary>GET /api/v1/traffic/board.</summary>
internal static class GetBoard
{
    public static async Task<Ok<BoardReport>> Handle(HttpContext http, LinliDb db, IAccessControl access, IConfiguration configuration,
        BoardTargets targets, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await BuildBoard.BuildAsync(http.User, db, access, configuration, targets, clock, ct));
}
