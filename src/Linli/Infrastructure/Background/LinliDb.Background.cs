using Linli.Infrastructure.Background;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<BackgroundLease> BackgroundLeases => Set<BackgroundLease>();

    private static void ConfigureBackground(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<BackgroundLease>(lease =>
        {
            lease.ToTable("background_leases");
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(64);
            lease.Property(l => l.Holder).HasMaxLength(64);
        });
}
