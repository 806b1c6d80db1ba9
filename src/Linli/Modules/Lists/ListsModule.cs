using Linli.Modules.Lists.Contracts;

namespace Linli.Modules.Lists;

/// <summary>
/// The three lists (三张清单): residents' needs, what the community can offer, and the projects
/// that join them; with the matching, the caring-merchant alliance, service stations and points.
/// </summary>
internal static class ListsModule
{
    public static WebApplicationBuilder AddLists(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDemandIntake, Demands.DemandIntake>();
        builder.AddListsCore();
        builder.AddProjects();
        builder.AddAlliance();
        builder.AddMatchingSolver();
        return builder;
    }

    public static WebApplication MapLists(this WebApplication app)
    {
        app.MapListsCore();
        app.MapProjects();
        app.MapAlliance();
        app.MapMatchingSolver();
        return app;
    }
}
