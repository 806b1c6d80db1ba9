using Linli.Modules.Access.Data;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// The one database context. Each module adds its sets and configuration in a partial file
/// (LinliDb.Geography.cs, …); accounts come from ASP.NET Core Identity's user store. Provider differences live in the two sealed subclasses, which also
/// own their migration sets.
/// </summary>
public abstract partial class LinliDb(DbContextOptions options) : IdentityUserContext<LinliUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        ConfigureAccess(builder);
        ConfigureGeography(builder);
        ConfigureCases(builder);
        ConfigureCaseLoop(builder);
        ConfigureBackground(builder);
        ConfigureOpen311(builder);
        ConfigurePeople(builder);
        ConfigureLists(builder);
        ConfigureProjects(builder);
        ConfigureAlliance(builder);
        ConfigureCouriers(builder);
        ConfigureInspections(builder);
        ConfigureTraffic(builder);
        ConfigureProvider(builder);
    }

    /// <summary>Column types, spatial indexes and converters that differ between providers.</summary>
    protected abstract void ConfigureProvider(ModelBuilder modelBuilder);

    public abstract DatabaseProvider Provider { get; }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
