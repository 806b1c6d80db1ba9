namespace Linli.Modules.Traffic.Board;

/// <summary>Route board and indicators.</summary>
internal static class TrafficBoardModule
{
    public static WebApplicationBuilder AddTrafficBoard(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapTrafficBoard(this WebApplication app)
    {
        return app;
    }
}
