using Linli.Modules.Traffic.Accidents.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<AccidentReport> AccidentReports => Set<AccidentReport>();
    public DbSet<AccidentParty> AccidentParties => Set<AccidentParty>();
    public DbSet<AccidentPhoto> AccidentPhotos => Set<AccidentPhoto>();

    static partial void ConfigureAccidentReports(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AccidentReport>(r =>
        {
            r.ToTable("accident_reports");
            r.HasKey(x => x.Id);
            r.Property(x => x.Number).HasMaxLength(32);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.PoliceReason).HasMaxLength(500);
            r.Property(x => x.RouteCode).HasMaxLength(16);
            r.Property(x => x.RouteName).HasMaxLength(100);
            r.Property(x => x.Direction).HasMaxLength(8);
            r.Property(x => x.Operator).HasMaxLength(16);
            r.Property(x => x.IncidentNumber).HasMaxLength(32);
            r.Property(x => x.CaseNumber).HasMaxLength(32);
            r.Property(x => x.CodeHash).HasMaxLength(64);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.HasIndex(x => x.Number).IsUnique();
            r.HasIndex(x => x.IncidentId);
        });
        modelBuilder.Entity<AccidentParty>(p =>
        {
            p.ToTable("accident_parties");
            p.HasKey(x => x.Id);
            p.Property(x => x.Role).HasMaxLength(1);
            p.Property(x => x.Plate).HasMaxLength(16);
            p.Property(x => x.NameCipher).HasMaxLength(1000);
            p.Property(x => x.NameMasked).HasMaxLength(64);
            p.Property(x => x.PhoneCipher).HasMaxLength(1000);
            p.Property(x => x.PhoneIndex).HasMaxLength(128);
            p.Property(x => x.PhoneMasked).HasMaxLength(32);
            p.Property(x => x.Insurer).HasMaxLength(100);
            p.Property(x => x.TokenHash).HasMaxLength(64);
            // One A and one B per report: a second confirmation racing the first fails here.
            p.HasIndex(x => new { x.ReportId, x.Role }).IsUnique();
            p.HasIndex(x => x.TokenHash).IsUnique();
        });
        modelBuilder.Entity<AccidentPhoto>(p =>
        {
            p.ToTable("accident_photos");
            p.HasKey(x => x.Id);
            p.Property(x => x.Kind).HasMaxLength(16);
            p.Property(x => x.ContentType).HasMaxLength(64);
            p.Property(x => x.Path).HasMaxLength(300);
            p.Property(x => x.ThumbnailPath).HasMaxLength(300);
            p.HasIndex(x => new { x.ReportId, x.Kind }).IsUnique();
        });
    }
}
