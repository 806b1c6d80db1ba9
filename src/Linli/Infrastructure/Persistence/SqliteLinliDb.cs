using Linli.Modules.Geography.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Linli.Infrastructure.Persistence;

/// <summary>
/// The embedded default. SQLite has no spatial types without SpatiaLite, which would need apt
/// (rule 9), so geometry is stored as WKB and spatial questions go to the in-memory index.
/// </summary>
public sealed class SqliteLinliDb(DbContextOptions<SqliteLinliDb> options) : LinliDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
        // Declared first, so that the loop below finds them and gives them the WKB converter.
        modelBuilder.Entity<Modules.Cases.Data.Case>().Property(c => c.Location).HasColumnType("BLOB");
        modelBuilder.Entity<Modules.Cases.Data.CaseReport>().Property(c => c.Location).HasColumnType("BLOB");
        modelBuilder.Entity<Modules.Traffic.Data.Expressway>().Property(e => e.Line).HasColumnType("BLOB");
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (typeof(Geometry).IsAssignableFrom(property.ClrType))
                {
                    property.SetValueConverter(WkbGeometryConverter.For(property.ClrType));
                    property.SetValueComparer(WkbGeometryConverter.ComparerFor(property.ClrType));
                }
            }
        }
        modelBuilder.Entity<Region>().Property(r => r.Boundary).HasColumnType("BLOB");
        modelBuilder.Entity<Region>().Property(r => r.Centroid).HasColumnType("BLOB");
    }
}
