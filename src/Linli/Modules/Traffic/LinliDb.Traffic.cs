using Linli.Modules.Traffic.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Expressway> Expressways => Set<Expressway>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<RoadCrew> RoadCrews => Set<RoadCrew>();
    public DbSet<TrafficEvent> TrafficEvents => Set<TrafficEvent>();

    /// <summary>The road network reference, incidents on it, the crews that clear them, drivers' reports.</summary>
    private static void ConfigureTraffic(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Expressway>(e =>
        {
            e.ToTable("expressways");
            e.HasKey(x => x.Id);
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Direction).HasMaxLength(8);
            e.Property(x => x.Operator).HasMaxLength(16);
            e.Property(x => x.StakeMarksJson).HasMaxLength(100000);
            e.Property(x => x.DistrictCodes).HasMaxLength(2000);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => new { x.Code, x.Direction }).IsUnique();
        });
        modelBuilder.Entity<Incident>(i =>
        {
            i.ToTable("traffic_incidents");
            i.HasKey(x => x.Id);
            i.Property(x => x.Number).HasMaxLength(32);
            i.Property(x => x.CategoryCode).HasMaxLength(8);
            i.Property(x => x.Source).HasMaxLength(16);
            i.Property(x => x.RouteCode).HasMaxLength(16);
            i.Property(x => x.Direction).HasMaxLength(8);
            i.Property(x => x.Operator).HasMaxLength(16);
            i.Property(x => x.DistrictCode).HasMaxLength(32);
            i.Property(x => x.Description).HasMaxLength(2000);
            i.Property(x => x.CaseNumber).HasMaxLength(32);
            i.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            i.Property(x => x.CrewIds).HasMaxLength(500);
            i.Property(x => x.ReportedBy).HasMaxLength(64);
            i.Property(x => x.Version).IsConcurrencyToken();
            i.HasIndex(x => x.Number).IsUnique();
            i.HasIndex(x => new { x.Status, x.RouteCode });
            i.HasIndex(x => new { x.RouteCode, x.ReportedAtMs });
            i.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<RoadCrew>(c =>
        {
            c.ToTable("road_crews");
            c.HasKey(x => x.Id);
            c.Property(x => x.Unit).HasMaxLength(16);
            c.Property(x => x.Name).HasMaxLength(100);
            c.Property(x => x.Kind).HasMaxLength(16);
            c.Property(x => x.Members).HasMaxLength(1000);
            c.Property(x => x.RouteCode).HasMaxLength(16);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasIndex(x => new { x.Unit, x.Name }).IsUnique();
        });
        modelBuilder.Entity<TrafficEvent>(e =>
        {
            e.ToTable("traffic_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.SubjectKind).HasMaxLength(16);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.SubjectId, x.AtMs });
        });
        ConfigureAccidentReports(modelBuilder);
    }

    /// <summary>Drivers' self-service reports; configured beside their entity in Traffic/Accidents.</summary>
    static partial void ConfigureAccidentReports(ModelBuilder modelBuilder);
}
