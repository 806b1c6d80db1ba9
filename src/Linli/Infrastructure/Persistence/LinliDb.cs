using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// The one database context. Each module adds its sets and configuration in a partial file
/// (LinliDb.Geography.cs, …). Provider differences live in the two sealed subclasses, which also
/// own their migration sets.
/// </summary>
public abstract partial class LinliDb(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureGeography(modelBuilder);
        ConfigureProvider(modelBuilder);
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
