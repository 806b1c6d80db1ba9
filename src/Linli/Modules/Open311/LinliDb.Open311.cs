using Linli.Modules.Open311.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Open311Key> Open311Keys => Set<Open311Key>();
    public DbSet<Open311Request> Open311Requests => Set<Open311Request>();

    private static void ConfigureOpen311(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Open311Key>(k =>
        {
            k.ToTable("open311_keys");
            k.HasKey(x => x.Id);
            k.Property(x => x.Name).HasMaxLength(100);
            k.Property(x => x.KeyHash).HasMaxLength(64);
            k.Property(x => x.Prefix).HasMaxLength(16);
            k.Property(x => x.CreatedBy).HasMaxLength(64);
            k.HasIndex(x => x.KeyHash).IsUnique();
            k.Ignore(x => x.Active);
        });
        modelBuilder.Entity<Open311Request>(r =>
        {
            r.ToTable("open311_requests");
            r.HasKey(x => x.Id);
            r.Property(x => x.Token).HasMaxLength(64);
            r.Property(x => x.CaseNumber).HasMaxLength(32);
            r.Property(x => x.Jurisdiction).HasMaxLength(100);
            r.Property(x => x.AccountId).HasMaxLength(100);
            r.Property(x => x.DeviceId).HasMaxLength(100);
            r.HasIndex(x => x.Token).IsUnique();
            r.HasIndex(x => x.CaseId);
            r.HasIndex(x => x.KeyId);
        });
    }
}
