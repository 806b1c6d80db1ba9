namespace Linli.Modules.Lists;

internal static class ListsCoreModule
{
    public static WebApplicationBuilder AddListsCore(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapListsCore(this WebApplication app)
    {
        return app;
    }
}
