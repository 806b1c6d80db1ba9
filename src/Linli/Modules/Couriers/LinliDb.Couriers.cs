using Linli.Modules.Couriers.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Courier> Couriers => Set<Courier>();
    public DbSet<CourierEvent> CourierEvents => Set<CourierEvent>();
    public DbSet<CourierPass> CourierPasses => Set<CourierPass>();
    public DbSet<PassSigningKey> PassSigningKeys => Set<PassSigningKey>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Passage> Passages => Set<Passage>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<CourierThanks> CourierThanks => Set<CourierThanks>();
    public DbSet<PhoneChallenge> PhoneChallenges => Set<PhoneChallenge>();

    /// <summary>Couriers, their passes and signing keys, the sites they pass and every passage.</summary>
    private static void ConfigureCouriers(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Courier>(c =>
        {
            c.ToTable("couriers");
            c.HasKey(x => x.Id);
            c.Property(x => x.UserId).HasMaxLength(64);
            c.Property(x => x.NameProtected).HasMaxLength(1000);
            c.Property(x => x.NameMasked).HasMaxLength(64);
            c.Property(x => x.PhoneProtected).HasMaxLength(1000);
            c.Property(x => x.PhoneIndex).HasMaxLength(128);
            c.Property(x => x.PhoneMasked).HasMaxLength(32);
            c.Property(x => x.IdNumberProtected).HasMaxLength(1000);
            c.Property(x => x.IdNumberIndex).HasMaxLength(128);
            c.Property(x => x.Platform).HasMaxLength(32);
            c.Property(x => x.Employer).HasMaxLength(200);
            c.Property(x => x.Team).HasMaxLength(200);
            c.Property(x => x.Vehicle).HasMaxLength(32);
            c.Property(x => x.VehiclePlate).HasMaxLength(32);
            c.Property(x => x.PhotoPath).HasMaxLength(300);
            c.Property(x => x.RegionCode).HasMaxLength(32);
            c.Property(x => x.OnTimeRatePercent).HasPrecision(5, 2);
            c.Property(x => x.StatusReason).HasMaxLength(500);
            c.Property(x => x.DecidedBy).HasMaxLength(64);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            c.Property(x => x.Version).IsConcurrencyToken();
            // One courier record per account, per phone and per person.
            c.HasIndex(x => x.UserId).IsUnique();
            c.HasIndex(x => x.PhoneIndex).IsUnique();
            c.HasIndex(x => x.IdNumberIndex).IsUnique();
            c.HasIndex(x => new { x.RegionCode, x.Status });
        });
        modelBuilder.Entity<CourierEvent>(e =>
        {
            e.ToTable("courier_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.HasIndex(x => new { x.CourierId, x.Id });
        });
        modelBuilder.Entity<CourierPass>(p =>
        {
            p.ToTable("courier_passes");
            p.HasKey(x => x.Id);
            p.Property(x => x.Number).HasMaxLength(32);
            p.Property(x => x.RevokedReason).HasMaxLength(500);
            p.Property(x => x.RevokedBy).HasMaxLength(64);
            p.Ignore(x => x.IsRevoked);
            p.HasIndex(x => x.Number).IsUnique();
            p.HasIndex(x => x.CourierId);
            p.HasIndex(x => x.RevokedAtMs);
        });
        modelBuilder.Entity<PassSigningKey>(k =>
        {
            k.ToTable("pass_signing_keys");
            k.HasKey(x => x.KeyId);
            k.Property(x => x.KeyId).HasMaxLength(16);
            k.Property(x => x.Algorithm).HasMaxLength(16);
            k.Property(x => x.PublicKey).HasMaxLength(64);
            k.Property(x => x.PrivateKeyProtected).HasMaxLength(2000);
            k.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<Site>(s =>
        {
            s.ToTable("courier_sites");
            s.HasKey(x => x.Id);
            s.Property(x => x.Code).HasMaxLength(16);
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.Kind).HasMaxLength(16);
            s.Property(x => x.RegionCode).HasMaxLength(32);
            s.Property(x => x.Address).HasMaxLength(300);
            s.Property(x => x.AllowedPlatforms).HasMaxLength(500);
            s.Property(x => x.GuardUserIds).HasMaxLength(2000);
            s.Property(x => x.CreatedBy).HasMaxLength(64);
            s.Property(x => x.Version).IsConcurrencyToken();
            s.Ignore(x => x.PlatformList);
            s.Ignore(x => x.GuardList);
            s.HasIndex(x => x.Code).IsUnique();
            s.HasIndex(x => x.RegionCode);
        });
        modelBuilder.Entity<Passage>(p =>
        {
            p.ToTable("courier_passages");
            p.HasKey(x => x.Id);
            p.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.Reason).HasMaxLength(64);
            p.Property(x => x.CheckedBy).HasMaxLength(64);
            p.Property(x => x.ReplayKey).HasMaxLength(120);
            p.Property(x => x.DeviceRef).HasMaxLength(120);
            p.HasIndex(x => new { x.SiteId, x.AtMs });
            p.HasIndex(x => new { x.CourierId, x.AtMs });
            p.HasIndex(x => x.ReplayKey).IsUnique();
            p.HasIndex(x => x.DeviceRef).IsUnique();
        });
        modelBuilder.Entity<Complaint>(c =>
        {
            c.ToTable("courier_complaints");
            c.HasKey(x => x.Id);
            c.Property(x => x.Number).HasMaxLength(32);
            c.Property(x => x.Text).HasMaxLength(2000);
            c.Property(x => x.ContactProtected).HasMaxLength(1000);
            c.Property(x => x.Channel).HasMaxLength(16);
            c.Property(x => x.FiledBy).HasMaxLength(64);
            c.Property(x => x.Outcome).HasMaxLength(1000);
            c.Property(x => x.HandledBy).HasMaxLength(64);
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            c.HasIndex(x => x.Number).IsUnique();
            c.HasIndex(x => new { x.CourierId, x.CreatedAtMs });
            c.HasIndex(x => new { x.Status, x.CreatedAtMs });
        });
        modelBuilder.Entity<CourierThanks>(t =>
        {
            t.ToTable("courier_thanks");
            t.HasKey(x => x.Id);
            t.Property(x => x.CaseNumber).HasMaxLength(32);
            t.Property(x => x.Message).HasMaxLength(500);
            t.Property(x => x.ByUserId).HasMaxLength(64);
            t.Property(x => x.ByName).HasMaxLength(100);
            t.Property(x => x.RegionCode).HasMaxLength(32);
            t.HasIndex(x => new { x.RegionCode, x.AtMs });
            t.HasIndex(x => x.CourierId);
        });
        modelBuilder.Entity<PhoneChallenge>(p =>
        {
            p.ToTable("phone_challenges");
            p.HasKey(x => x.Id);
            p.Property(x => x.PhoneIndex).HasMaxLength(128);
            p.Property(x => x.CodeHash).HasMaxLength(128);
            p.Property(x => x.Purpose).HasMaxLength(32);
            p.HasIndex(x => new { x.PhoneIndex, x.CreatedAtMs });
        });
    }
}
