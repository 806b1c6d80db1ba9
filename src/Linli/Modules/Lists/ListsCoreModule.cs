namespace Linli.Modules.Lists;

internal static class ListsCoreModule
{
    public static WebApplicationBuilder AddListsCore(this WebApplicationBuilder builder)
    {
        // Used by People's visits (issue #8 item 0) to put needs on the list in the visit's own transaction.
        builder.Services.AddSingleton<Contracts.IDemandIntake, Demands.DemandIntake>();
        builder.Services.AddSingleton<Contracts.IDemandStatusLookup, Demands.DemandStatusLookup>();
        return builder;
    }

    public static WebApplication MapListsCore(this WebApplication app)
    {
        return app;
    }
}
