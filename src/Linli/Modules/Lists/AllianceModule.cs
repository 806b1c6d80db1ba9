namespace Linli.Modules.Lists;

internal static class AllianceModule
{
    public static WebApplicationBuilder AddAlliance(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapAlliance(this WebApplication app)
    {
        return app;
    }
}
