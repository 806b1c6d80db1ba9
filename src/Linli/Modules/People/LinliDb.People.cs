using Linli.Modules.People.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Household> Households => Set<Household>();
    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();
    public DbSet<Visit> Visits => Set<Visit>();

    private static void ConfigurePeople(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Household>(h =>
        {
            h.ToTable("households");
            h.HasKey(x => x.Id);
            h.Property(x => x.BuildingCode).HasMaxLength(32);
            h.Property(x => x.GridCode).HasMaxLength(32);
            h.Property(x => x.Address).HasMaxLength(50);
            h.Property(x => x.HeadNameProtected).HasMaxLength(1000);
            h.Property(x => x.HeadPhoneProtected).HasMaxLength(1000);
            h.Property(x => x.Residence).HasMaxLength(16);
            h.Property(x => x.CareTags).HasMaxLength(200);
            h.Property(x => x.PartyMemberNameProtected).HasMaxLength(1000);
            h.Property(x => x.PartyMemberPhoneProtected).HasMaxLength(1000);
            h.Property(x => x.PartyMemberUserId).HasMaxLength(64);
            h.Property(x => x.Notes).HasMaxLength(2000);
            h.Property(x => x.CreatedBy).HasMaxLength(64);
            h.Property(x => x.Version).IsConcurrencyToken();
            h.Ignore(x => x.CareTagList);
            h.Ignore(x => x.HasPartyMember);
            h.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
            // One household per flat: a second record of 2单元501 in the same building is a mistake.
            h.HasIndex(x => new { x.BuildingCode, x.Address }).IsUnique();
            h.HasIndex(x => x.GridCode);
        });
        modelBuilder.Entity<HouseholdMember>(m =>
        {
            m.ToTable("household_members");
            m.HasKey(x => x.Id);
            m.Property(x => x.NameProtected).HasMaxLength(1000);
            m.Property(x => x.IdNumberProtected).HasMaxLength(1000);
            m.Property(x => x.IdNumberIndex).HasMaxLength(64);
            m.Property(x => x.Relation).HasMaxLength(16);
            m.Property(x => x.Gender).HasMaxLength(8);
            m.Property(x => x.PhoneProtected).HasMaxLength(1000);
            m.Property(x => x.CareTags).HasMaxLength(200);
            m.Ignore(x => x.CareTagList);
            m.HasIndex(x => x.IdNumberIndex);
        });
        modelBuilder.Entity<Visit>(v =>
        {
            v.ToTable("visits");
            v.HasKey(x => x.Id);
            v.Property(x => x.BuildingCode).HasMaxLength(32);
            v.Property(x => x.WorkerUserId).HasMaxLength(64);
            v.Property(x => x.WorkerName).HasMaxLength(64);
            v.Property(x => x.Kind).HasMaxLength(16);
            v.Property(x => x.Seen).HasMaxLength(2000);
            v.Property(x => x.Asked).HasMaxLength(2000);
            v.Property(x => x.FollowUp).HasMaxLength(2000);
            v.Property(x => x.DemandIds).HasMaxLength(1000);
            v.Ignore(x => x.DemandIdList);
            v.HasIndex(x => new { x.HouseholdId, x.VisitedAtMs });
            v.HasIndex(x => new { x.BuildingCode, x.VisitedAtMs });
        });
    }
}
