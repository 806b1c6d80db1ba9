namespace Linli.Modules.Lists;

internal static class MatchingSolverModule
{
    public static WebApplicationBuilder AddMatchingSolver(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapMatchingSolver(this WebApplication app)
    {
        return app;
    }
}
