using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<ListEvent> ListEvents => Set<ListEvent>();
    public DbSet<Modules.Lists.Spreadsheets.ImportJob> ListImportJobs => Set<Modules.Lists.Spreadsheets.ImportJob>();

    private static void ConfigureLists(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Demand>(d =>
        {
            d.ToTable("demands");
            d.HasKey(x => x.Id);
            d.Property(x => x.Channel).HasMaxLength(32);
            d.Property(x => x.RegionCode).HasMaxLength(32);
            d.Property(x => x.Category).HasMaxLength(64);
            d.Property(x => x.Description).HasMaxLength(2000);
            d.Property(x => x.Urgency).HasMaxLength(16);
            d.Property(x => x.TimeWindows).HasMaxLength(500);
            d.Property(x => x.CareTags).HasMaxLength(200);
            d.Property(x => x.ClosingEvidence).HasMaxLength(2000);
            d.Property(x => x.CreatedBy).HasMaxLength(64);
            d.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            d.Property(x => x.Version).IsConcurrencyToken();
            d.Ignore(x => x.Windows);
            d.Ignore(x => x.CareTagList);
            d.HasIndex(x => new { x.RegionCode, x.Status });
            d.HasIndex(x => x.HouseholdId);
            d.HasIndex(x => x.ProjectId);
        });
        modelBuilder.Entity<Resource>(r =>
        {
            r.ToTable("resources");
            r.HasKey(x => x.Id);
            r.Property(x => x.ProviderKind).HasMaxLength(32);
            r.Property(x => x.ProviderName).HasMaxLength(200);
            r.Property(x => x.ProviderRef).HasMaxLength(64);
            r.Property(x => x.Category).HasMaxLength(64);
            r.Property(x => x.Title).HasMaxLength(200);
            r.Property(x => x.Availability).HasMaxLength(500);
            r.Property(x => x.ServiceRegions).HasMaxLength(1000);
            r.Property(x => x.Conditions).HasMaxLength(16);
            r.Property(x => x.ConditionNote).HasMaxLength(500);
            r.Property(x => x.RegionCode).HasMaxLength(32);
            r.Property(x => x.CreatedBy).HasMaxLength(64);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.Ignore(x => x.Windows);
            r.Ignore(x => x.ServiceRegionList);
            r.HasIndex(x => new { x.RegionCode, x.Status });
            r.HasIndex(x => new { x.ProviderKind, x.ProviderRef });
        });
        modelBuilder.Entity<ListEvent>(e =>
        {
            e.ToTable("list_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Entity).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(64);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.EntityId, x.Id });
        });
        modelBuilder.Entity<Modules.Lists.Spreadsheets.ImportJob>(j =>
        {
            j.ToTable("list_import_jobs");
            j.HasKey(x => x.Id);
            j.Property(x => x.Kind).HasMaxLength(16);
            j.Property(x => x.FileName).HasMaxLength(260);
            j.Property(x => x.CreatedBy).HasMaxLength(64);
            j.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
    }
}
