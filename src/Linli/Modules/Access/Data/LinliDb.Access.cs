using Linli.Modules.Access.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AppSetting> AppSettings => Set<AppSetting>();

    private static void ConfigureAccess(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LinliUser>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayNameProtected).HasMaxLength(1000);
            user.Property(u => u.PhoneProtected).HasMaxLength(1000);
            user.Property(u => u.PhoneIndex).HasMaxLength(64);
            user.Property(u => u.IdNumberProtected).HasMaxLength(1000);
            user.Property(u => u.IdNumberIndex).HasMaxLength(64);
            user.HasIndex(u => u.PhoneIndex);
            user.HasIndex(u => u.IdNumberIndex);
            user.HasMany(u => u.Assignments).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<StaffAssignment>(assignment =>
        {
            assignment.ToTable("staff_assignments");
            assignment.Property(a => a.Role).HasMaxLength(32);
            assignment.Property(a => a.Scope).HasMaxLength(32);
            assignment.Property(a => a.Department).HasMaxLength(64);
            assignment.HasIndex(a => a.Scope);
        });
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Target).HasMaxLength(256);
            entry.Property(e => e.Outcome).HasMaxLength(32);
            entry.Property(e => e.UserId).HasMaxLength(64);
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.ClientAddress).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(2000);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => e.UnixMilliseconds);
            entry.HasIndex(e => e.UserName);
            entry.HasIndex(e => e.Action);
        });
        modelBuilder.Entity<AppSetting>(setting =>
        {
            setting.ToTable("app_settings");
            setting.HasKey(s => s.Key);
            setting.Property(s => s.Key).HasMaxLength(64);
            setting.Property(s => s.Value).HasMaxLength(4000);
        });
    }
}
