namespace Linli.Modules.People;

/// <summary>
/// The household book (住户台账): households of each building, their members, care tags, the
/// party member linked to each household, and the grid worker's visits.
/// </summary>
internal static class PeopleModule
{
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        return app;
    }
}
