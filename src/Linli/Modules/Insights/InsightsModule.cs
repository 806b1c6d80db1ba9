using Linli.Infrastructure.Auth;

namespace Linli.Modules.Insights;

/// <summary>
/// Dashboards: the reporting side of the loop. It reads the Cases module's data (cases and the
/// indicator counters) and reaches Geography and Access only through their contracts.
/// </summary>
internal static class InsightsModule
{
    public static WebApplicationBuilder AddInsights(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapInsights(this WebApplication app)
    {
        app.MapGet("/api/v1/dashboard", GetDashboard.GetDashboard.Handle).WithTags("Insights").WithName("GetDashboard")
            .WithSummary("Open and overdue cases, on-time closing and rework rates by sub-region, daily trends, top categories and reports per area, for a region within your scope")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireAuthorization(Policies.SignedIn);
        return app;
    }
}
