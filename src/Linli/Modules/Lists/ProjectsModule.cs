namespace Linli.Modules.Lists;

internal static class ProjectsModule
{
    public static WebApplicationBuilder AddProjects(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapProjects(this WebApplication app)
    {
        return app;
    }
}
