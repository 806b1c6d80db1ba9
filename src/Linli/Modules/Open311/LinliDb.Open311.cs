using Linli.Modules.Open311.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<Open311Key> Open311Keys => Set<Open311Key>();
    public DbSet<Open311Request> Open311Requests => Set<Open311Request>();
    public DbSet<Open311Update> Open311Updates => Set<Open311Update>();
    public DbSet<Open311Attribute> Open311Attributes => Set<Open311Attribute>();

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
        modelBuilder.Entity<Open311Update>(u =>
        {
            u.ToTable("open311_updates");
            u.HasKey(x => x.Id);
            u.Property(x => x.ClientUpdateId).HasMaxLength(100);
            u.Property(x => x.CaseNumber).HasMaxLength(32);
            u.Property(x => x.Status).HasMaxLength(32);
            u.Property(x => x.MediaUrl).HasMaxLength(1000);
            u.HasIndex(x => new { x.KeyId, x.ClientUpdateId }).IsUnique();
            u.HasIndex(x => x.StepId);
        });
        modelBuilder.Entity<Open311Attribute>(a =>
        {
            a.ToTable("open311_attributes");
            a.HasKey(x => x.Id);
            a.Property(x => x.ServiceCode).HasMaxLength(32);
            a.Property(x => x.Code).HasMaxLength(50);
            a.Property(x => x.Datatype).HasMaxLength(16);
            a.Property(x => x.Description).HasMaxLength(500);
            a.Property(x => x.DatatypeDescription).HasMaxLength(500);
            a.Property(x => x.ValuesJson).HasMaxLength(20000);
            a.Ignore(x => x.Values);
            a.Ignore(x => x.IsList);
            a.HasIndex(x => new { x.ServiceCode, x.Code }).IsUnique();
            a.HasIndex(x => new { x.ServiceCode, x.Order }).IsUnique();
        });
    }
}
