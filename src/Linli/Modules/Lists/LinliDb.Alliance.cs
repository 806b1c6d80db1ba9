using Linli.Modules.Lists.Merchants;
using Linli.Modules.Lists.Points;
using Linli.Modules.Lists.Stations;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<MerchantOffer> MerchantOffers => Set<MerchantOffer>();
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<StationService> StationServices => Set<StationService>();
    public DbSet<StationSlot> StationSlots => Set<StationSlot>();
    public DbSet<StationBooking> StationBookings => Set<StationBooking>();
    public DbSet<PointEntry> PointEntries => Set<PointEntry>();
    public DbSet<PointAllocation> PointAllocations => Set<PointAllocation>();
    public DbSet<PointAccount> PointAccounts => Set<PointAccount>();
    public DbSet<VolunteerHours> VolunteerHours => Set<VolunteerHours>();
    public DbSet<RedemptionCode> RedemptionCodes => Set<RedemptionCode>();

    /// <summary>The caring-merchant alliance, service stations and their bookings, the points ledger.</summary>
    private static void ConfigureAlliance(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Merchant>(m =>
        {
            m.ToTable("merchants");
            m.HasKey(x => x.Id);
            m.Property(x => x.OwnerUserId).HasMaxLength(64);
            m.Property(x => x.Name).HasMaxLength(200);
            m.Property(x => x.CreditCode).HasMaxLength(18);
            m.Property(x => x.Address).HasMaxLength(300);
            m.Property(x => x.RegionCode).HasMaxLength(32);
            m.Property(x => x.ContactProtected).HasMaxLength(1000);
            m.Property(x => x.Categories).HasMaxLength(500);
            m.Property(x => x.StatusReason).HasMaxLength(500);
            m.Property(x => x.DecidedBy).HasMaxLength(64);
            m.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            m.Property(x => x.Version).IsConcurrencyToken();
            m.Ignore(x => x.CategoryList);
            // One membership per registered business, whoever applies.
            m.HasIndex(x => x.CreditCode).IsUnique();
            m.HasIndex(x => x.OwnerUserId);
            m.HasIndex(x => new { x.RegionCode, x.Status });
        });
        modelBuilder.Entity<MerchantOffer>(o =>
        {
            o.ToTable("merchant_offers");
            o.HasKey(x => x.Id);
            o.Property(x => x.Category).HasMaxLength(64);
            o.Property(x => x.Title).HasMaxLength(200);
            o.Property(x => x.Availability).HasMaxLength(500);
            o.Property(x => x.Conditions).HasMaxLength(16);
            o.Property(x => x.ConditionNote).HasMaxLength(500);
            o.HasIndex(x => x.MerchantId);
        });
        modelBuilder.Entity<Station>(s =>
        {
            s.ToTable("stations");
            s.HasKey(x => x.Id);
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.RegionCode).HasMaxLength(32);
            s.Property(x => x.Address).HasMaxLength(300);
            s.Property(x => x.OpeningHours).HasMaxLength(500);
            s.Property(x => x.CreatedBy).HasMaxLength(64);
            s.Ignore(x => x.Windows);
            s.HasIndex(x => x.RegionCode);
        });
        modelBuilder.Entity<StationService>(s =>
        {
            s.ToTable("station_services");
            s.HasKey(x => x.Id);
            s.Property(x => x.Name).HasMaxLength(100);
            s.Property(x => x.Category).HasMaxLength(64);
            s.HasIndex(x => x.StationId);
        });
        modelBuilder.Entity<StationSlot>(s =>
        {
            s.ToTable("station_slots");
            s.HasKey(x => new { x.ServiceId, x.StartMs });
        });
        modelBuilder.Entity<StationBooking>(b =>
        {
            b.ToTable("station_bookings");
            b.HasKey(x => x.Id);
            b.Property(x => x.ServiceName).HasMaxLength(100);
            b.Property(x => x.UserId).HasMaxLength(64);
            b.Property(x => x.BookerNameProtected).HasMaxLength(1000);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            // One active place per person and slot, held by the database on every node.
            b.HasIndex(x => new { x.ServiceId, x.StartMs, x.UserId }).IsUnique().HasFilter("\"Status\" = 'Booked'");
            b.HasIndex(x => new { x.UserId, x.StartMs });
            b.HasIndex(x => new { x.StationId, x.StartMs });
        });
        modelBuilder.Entity<PointEntry>(e =>
        {
            e.ToTable("point_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.Kind).HasMaxLength(16);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Reference).HasMaxLength(200);
            e.Property(x => x.Actor).HasMaxLength(64);
            e.Property(x => x.RegionCode).HasMaxLength(32);
            e.HasIndex(x => x.Reference).IsUnique();
            e.HasIndex(x => new { x.UserId, x.Id });
        });
        modelBuilder.Entity<PointAllocation>(a =>
        {
            a.ToTable("point_allocations");
            a.HasKey(x => x.Id);
            a.HasIndex(x => x.EarnEntryId);
            a.HasIndex(x => x.EntryId);
        });
        modelBuilder.Entity<PointAccount>(a =>
        {
            a.ToTable("point_accounts");
            a.HasKey(x => x.UserId);
            a.Property(x => x.UserId).HasMaxLength(64);
        });
        modelBuilder.Entity<VolunteerHours>(v =>
        {
            v.ToTable("volunteer_hours");
            v.HasKey(x => x.Id);
            v.Property(x => x.UserId).HasMaxLength(64);
            v.Property(x => x.RegionCode).HasMaxLength(32);
            v.Property(x => x.Activity).HasMaxLength(200);
            v.Property(x => x.RecordedBy).HasMaxLength(64);
            v.Property(x => x.Hours).HasPrecision(8, 2);
            v.HasIndex(x => x.UserId);
            v.HasIndex(x => x.RegionCode);
        });
        modelBuilder.Entity<RedemptionCode>(r =>
        {
            r.ToTable("redemption_codes");
            r.HasKey(x => x.Id);
            r.Property(x => x.CodeHash).HasMaxLength(64);
            r.Property(x => x.UserId).HasMaxLength(64);
            r.HasIndex(x => x.CodeHash).IsUnique();
        });
    }
}
