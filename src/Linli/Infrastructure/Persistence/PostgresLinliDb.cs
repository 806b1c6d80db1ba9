using Linli.Modules.Geography.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

/// <summary>Production store: PostGIS columns in WGS-84 with GiST indexes.</summary>
public sealed class PostgresLinliDb(DbContextOptions<PostgresLinliDb> options) : LinliDb(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        var region = modelBuilder.Entity<Region>();
        region.Property(r => r.Boundary).HasColumnType("geometry(Geometry,4326)");
        region.Property(r => r.Centroid).HasColumnType("geometry(Point,4326)");
        region.HasIndex(r => r.Boundary).HasMethod("gist");
        var cases = modelBuilder.Entity<Modules.Cases.Data.Case>();
        cases.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        cases.HasIndex(c => c.Location).HasMethod("gist");
        modelBuilder.Entity<Modules.Cases.Data.CaseReport>().Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        modelBuilder.Entity<Modules.Traffic.Data.Expressway>().Property(e => e.Line).HasColumnType("geometry(LineString,4326)");
    }
}
