using Linli.Infrastructure.Auth;
using Linli.Modules.Lists.Matching.SolveAssignment;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Lists;

/// <summary>The bare assignment solver, open to integrators and auditors: no data is read or kept.</summary>
internal static class MatchingSolverModule
{
    public static WebApplicationBuilder AddMatchingSolver(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SolverGate>();
        return builder;
    }

    public static WebApplication MapMatchingSolver(this WebApplication app)
    {
        var matching = app.MapGroup("/api/v1/matching").WithTags("Matching");
        matching.MapPost("/solve", SolveAssignment.Handle)
            .WithName("SolveAssignment")
            .WithSummary("The assignment of demands to resources that maximises Σ score × quantity within every quantity and capacity (exact)")
            .Accepts<SolveRequest>("application/json")
            .ProducesValidationProblem()
            .WithMetadata(new RequestSizeLimitAttribute(SolveLimits.MaxBodyBytes))
            .RequireAuthorization(Policies.MatchingSolve);
        return app;
    }
}
