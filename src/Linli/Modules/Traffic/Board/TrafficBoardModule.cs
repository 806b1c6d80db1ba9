using Linli.Infrastructure.Auth;
using Linli.Modules.Traffic.Board.Demo;
using Linli.Modules.Traffic.Board.Indicators;
using Linli.Modules.Traffic.Board.Live;

namespace Linli.Modules.Traffic.Board;

/// <summary>The route board (live incidents by stake, crews) and the clearance indicators by route and month.</summary>
internal static class TrafficBoardModule
{
    private const string Query = "from/to are months as yyyy-MM in China time (UTC+8), both included; default the current month and the two "
        + "before it, a from alone covers it and the two after; at most 24 months. route narrows to one route code (G60). ";

    public static WebApplicationBuilder AddTrafficBoard(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BoardTargets>();
        builder.Services.AddHostedService<BoardDemoData>();
        return builder;
    }

    public static WebApplication MapTrafficBoard(this WebApplication app)
    {
        var traffic = app.MapGroup("/api/v1/traffic").WithTags("Traffic");
        traffic.MapGet("/board", GetBoard.Handle).WithName("GetTrafficBoard")
            .WithSummary("The live board: per route and carriageway (up, then down) the open incidents by stake with their state against each "
                + "target, and the crews on duty on the route")
            .WithDescription("Scoped like every traffic read: an operator's staff see the routes their unit runs, the expressway police and "
                + "admins every route, district officers the carriageways and incidents in their districts. An incident's state is the worst "
                + "of its targets': missed (reached late, or not reached and past due), running (not reached, time left) or met. Targets come "
                + "from the incident's category in Cases; a category with none uses dispatch 1, call back 3, on scene 15 (1315), on scene 10 "
                + "and lanes clear 20 (operator) natural minutes from the report.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.TrafficRead);
        traffic.MapGet("/indicators", GetTrafficIndicators.Handle).WithName("GetTrafficIndicators")
            .WithSummary("Clearance indicators per route and month: incidents, report-to-lanes-clear and report-to-first-crew minutes "
                + "(median, P90), shares within the targets, and a total row")
            .WithDescription(Query + "Incidents count in the month their report falls in (cancelled ones left out). Median and P90 are "
                + "nearest-rank percentiles: the value at rank ceil(p/100 x n) of the sorted minutes (1-based), so the median of an even "
                + "count is the lower middle value and every figure is a time that occurred. Shares: incidents that reached the milestone "
                + "within the category's target, of those judged (reached, or not reached with the target already past); still-running "
                + "ones are not judged. clearedWithinTarget: lanes clear within 20 (operator); onSceneWithinOperator: 10; onSceneWithin1315: "
                + "15; dispatchedWithinTarget: 1; calledBackWithinTarget: 3 — or the category's own numbers.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.TrafficRead);
        traffic.MapGet("/indicators/export", GetTrafficIndicators.Export).WithName("ExportTrafficIndicators")
            .WithSummary("The same table as an .xlsx spreadsheet")
            .WithDescription(Query)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.TrafficRead);
        return app;
    }
}
