using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RegionIndexState> RegionIndexStates => Set<RegionIndexState>();
    public DbSet<PartyOrganisation> PartyOrganisations => Set<PartyOrganisation>();

    private static void ConfigureGeography(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(region =>
        {
            region.ToTable("regions");
            region.HasKey(r => r.Code);
            region.Property(r => r.Code).HasColumnName("code").HasMaxLength(32);
            region.Property(r => r.Name).HasColumnName("name").HasMaxLength(200);
            region.Property(r => r.Level).HasColumnName("level").HasMaxLength(16)
                .HasConversion(l => l.ToName(), s => RegionLevels.Parse(s));
            region.Property(r => r.ParentCode).HasColumnName("parent_code").HasMaxLength(32);
            region.Property(r => r.Boundary).HasColumnName("boundary");
            region.Property(r => r.Centroid).HasColumnName("centroid");
            region.Property(r => r.AreaSquareMeters).HasColumnName("area_m2");
            region.Property(r => r.Households).HasColumnName("households");
            region.Property(r => r.CreatedAt).HasColumnName("created_at");
            region.HasIndex(r => r.ParentCode);
            region.HasIndex(r => r.Level);
        });

        modelBuilder.Entity<RegionIndexState>(state =>
        {
            state.ToTable("region_index_state");
            state.HasKey(s => s.Id);
            state.Property(s => s.Id).ValueGeneratedNever();
            state.Property(s => s.Version).IsConcurrencyToken();
            state.HasData(new { Id = RegionIndexState.SingletonId, Version = 0L });
        });

        modelBuilder.Entity<PartyOrganisation>(org =>
        {
            org.ToTable("party_organisations");
            org.Property(o => o.RegionCode).HasMaxLength(32);
            org.Property(o => o.Name).HasMaxLength(200);
            org.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
            org.HasIndex(o => o.RegionCode);
            org.HasMany(o => o.Members).WithOne().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            org.Navigation(o => o.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        });

        modelBuilder.Entity<PartyMember>(member =>
        {
            member.ToTable("party_members");
            member.Property(m => m.NameProtected).HasMaxLength(1000);
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        });
    }
}
