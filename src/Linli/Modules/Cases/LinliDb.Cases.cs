using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.Units;
using Microsoft.EntityFrameworkCore;

namespace Linli.Infrastructure.Persistence;

public abstract partial class LinliDb
{
    public DbSet<MajorCategory> MajorCategories => Set<MajorCategory>();
    public DbSet<MinorCategory> MinorCategories => Set<MinorCategory>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<GridDefaultUnit> GridDefaultUnits => Set<GridDefaultUnit>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseReport> CaseReports => Set<CaseReport>();
    public DbSet<CaseEscalation> CaseEscalations => Set<CaseEscalation>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<Modules.Cases.Photos.CasePhoto> CasePhotos => Set<Modules.Cases.Photos.CasePhoto>();
    public DbSet<Modules.Cases.Indicators.CaseCounter> CaseCounters => Set<Modules.Cases.Indicators.CaseCounter>();
    public DbSet<Modules.Cases.Notifications.CaseNotification> CaseNotifications => Set<Modules.Cases.Notifications.CaseNotification>();
    public DbSet<Modules.Cases.Notifications.NotificationRead> NotificationReads => Set<Modules.Cases.Notifications.NotificationRead>();
    public DbSet<Modules.Cases.Targets.CaseMilestone> CaseMilestones => Set<Modules.Cases.Targets.CaseMilestone>();
    public DbSet<Modules.Cases.Targets.CaseTargetMiss> CaseTargetMisses => Set<Modules.Cases.Targets.CaseTargetMiss>();

    private static void ConfigureCases(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MajorCategory>(major =>
        {
            major.ToTable("case_major_categories");
            major.HasKey(m => m.Code);
            major.Property(m => m.Code).HasMaxLength(8);
            major.Property(m => m.NameZh).HasMaxLength(50);
            major.Property(m => m.NameEn).HasMaxLength(100);
            major.Property(m => m.Kind).HasMaxLength(16);
        });
        modelBuilder.Entity<MinorCategory>(minor =>
        {
            minor.ToTable("case_categories");
            minor.HasKey(m => m.Code);
            minor.Property(m => m.Code).HasMaxLength(8);
            minor.Property(m => m.MajorCode).HasMaxLength(8);
            minor.Property(m => m.NameZh).HasMaxLength(50);
            minor.Property(m => m.NameEn).HasMaxLength(100);
            minor.Property(m => m.Kind).HasMaxLength(16);
            minor.Property(m => m.FilingCondition).HasMaxLength(500);
            minor.Property(m => m.ClosingCondition).HasMaxLength(500);
            minor.Property(m => m.DefaultUnit).HasMaxLength(32);
            minor.Property(m => m.DefaultPriority).HasMaxLength(16);
            minor.Property(m => m.LimitUnit).HasConversion(u => TimeLimit.NameOf(u), s => ParseUnit(s)).HasMaxLength(16);
            minor.Ignore(m => m.DisposalLimit);
            minor.Property(m => m.TargetsJson).HasMaxLength(4000);
            minor.HasIndex(m => m.MajorCode);
        });
        modelBuilder.Entity<CalendarYear>(year =>
        {
            year.ToTable("calendar_years");
            year.HasKey(y => y.Year);
            year.Property(y => y.Year).ValueGeneratedNever();
        });
        modelBuilder.Entity<Unit>(unit =>
        {
            unit.ToTable("units");
            unit.HasKey(u => u.Code);
            unit.Property(u => u.Code).HasMaxLength(32);
            unit.Property(u => u.Name).HasMaxLength(100);
            unit.Property(u => u.Kind).HasMaxLength(16);
        });
        modelBuilder.Entity<GridDefaultUnit>(fallback =>
        {
            fallback.ToTable("grid_default_units");
            fallback.HasKey(g => g.GridCode);
            fallback.Property(g => g.GridCode).HasMaxLength(32);
            fallback.Property(g => g.UnitCode).HasMaxLength(32);
        });
    }

    private static void ConfigureCaseLoop(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Case>(c =>
        {
            c.ToTable("cases");
            c.HasKey(x => x.Id);
            c.Property(x => x.Number).HasMaxLength(32);
            c.HasIndex(x => x.Number).IsUnique();
            c.Property(x => x.Source).HasConversion(s => CaseNames.Source(s), s => Enum.Parse<CaseSource>(s, true)).HasMaxLength(16);
            c.Property(x => x.Stage).HasConversion(s => CaseNames.Stage(s), s => ParseStage(s)).HasMaxLength(16);
            c.Property(x => x.CategoryCode).HasMaxLength(8);
            c.Property(x => x.Priority).HasMaxLength(16);
            c.Property(x => x.Description).HasMaxLength(4000);
            c.Property(x => x.Address).HasMaxLength(500);
            foreach (var code in new[] { nameof(Case.DistrictCode), nameof(Case.StreetCode), nameof(Case.CommunityCode), nameof(Case.GridCode), nameof(Case.BuildingCode), nameof(Case.AssignedUnit) })
            {
                c.Property(code).HasMaxLength(32);
            }
            c.Property(x => x.ReporterUserId).HasMaxLength(64);
            c.Property(x => x.AssignedPerson).HasMaxLength(64);
            c.Property(x => x.ReporterNameProtected).HasMaxLength(1000);
            c.Property(x => x.ReporterPhoneProtected).HasMaxLength(1000);
            c.Property(x => x.FollowTokenHash).HasMaxLength(64);
            c.Property(x => x.RatingComment).HasMaxLength(1000);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasMany(x => x.History).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
            c.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
            c.HasIndex(x => x.FollowTokenHash);
            c.HasIndex(x => new { x.GridCode, x.ReportedAtMs });
            // Lists page by (ReportedAtMs, Id); dashboards group the window's reports by grid and category,
            // and the open cases by grid: on PostgreSQL the included columns make those index-only scans.
            c.HasIndex(x => new { x.ReportedAtMs, x.Id }).IncludeProperties(x => new { x.GridCode, x.CategoryCode });
            c.HasIndex(x => new { x.Stage, x.StageDeadlineMs }).IncludeProperties(x => x.GridCode);
            c.HasIndex(x => x.AssignedUnit);
            // The duplicate check: open cases in a 3×3 block of cells since the window began.
            c.HasIndex(x => new { x.SpotCell, x.ReportedAtMs });
        });
        modelBuilder.Entity<CaseReport>(r =>
        {
            r.ToTable("case_reports");
            r.HasKey(x => x.Id);
            r.Property(x => x.Source).HasConversion(s => CaseNames.Source(s), s => Enum.Parse<CaseSource>(s, true)).HasMaxLength(16);
            r.Property(x => x.CategoryCode).HasMaxLength(8);
            r.Property(x => x.Description).HasMaxLength(4000);
            r.Property(x => x.Address).HasMaxLength(500);
            r.Property(x => x.ReporterUserId).HasMaxLength(64);
            r.Property(x => x.ReporterNameProtected).HasMaxLength(1000);
            r.Property(x => x.ReporterPhoneProtected).HasMaxLength(1000);
            r.Property(x => x.FollowTokenHash).HasMaxLength(64);
            r.Property(x => x.How).HasMaxLength(16);
            r.HasIndex(x => new { x.CaseId, x.ReportedAtMs });
            r.HasIndex(x => x.FollowTokenHash);
            r.HasIndex(x => x.ReporterUserId);
        });
        modelBuilder.Entity<CaseEvent>(e =>
        {
            e.ToTable("case_events");
            e.Property(x => x.Action).HasMaxLength(32);
            e.Property(x => x.FromStage).HasMaxLength(16);
            e.Property(x => x.ToStage).HasMaxLength(16);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.Property(x => x.Data).HasMaxLength(2000);
            e.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
        });
        modelBuilder.Entity<CaseEscalation>(e =>
        {
            e.ToTable("case_escalations");
            e.Property(x => x.Stage).HasMaxLength(16);
            e.Property(x => x.RegionCode).HasMaxLength(32);
            // Once per level per overdue stage, whatever number of nodes sweep at once.
            e.HasIndex(x => new { x.CaseId, x.StageEntry, x.Level }).IsUnique();
        });
        modelBuilder.Entity<IdempotencyRecord>(r =>
        {
            r.ToTable("case_idempotency_keys");
            r.HasKey(x => x.Key);
            r.Property(x => x.Key).HasMaxLength(200);
            r.Property(x => x.RequestHash).HasMaxLength(64);
        });
        modelBuilder.Entity<Modules.Cases.Photos.CasePhoto>(p =>
        {
            p.ToTable("case_photos");
            p.HasKey(x => x.Id);
            p.Property(x => x.Kind).HasMaxLength(16);
            p.Property(x => x.ContentType).HasMaxLength(32);
            p.Property(x => x.Path).HasMaxLength(200);
            p.Property(x => x.ThumbnailPath).HasMaxLength(200);
            p.HasIndex(x => x.CaseId);
        });
        modelBuilder.Entity<Modules.Cases.Indicators.CaseCounter>(k =>
        {
            k.ToTable("case_counters");
            k.HasKey(x => new { x.Scope, x.Period, x.Metric });
            k.Property(x => x.Scope).HasColumnName("scope").HasMaxLength(48);
            k.Property(x => x.Period).HasColumnName("period").HasMaxLength(10);
            k.Property(x => x.Metric).HasColumnName("metric").HasMaxLength(48);
            k.Property(x => x.Value).HasColumnName("value");
        });
        modelBuilder.Entity<Modules.Cases.Notifications.CaseNotification>(n =>
        {
            n.ToTable("case_notifications");
            n.Property(x => x.CaseNumber).HasMaxLength(32);
            n.Property(x => x.Kind).HasMaxLength(32);
            n.Property(x => x.Text).HasMaxLength(500);
            n.Property(x => x.GridCode).HasMaxLength(32);
            n.Property(x => x.Unit).HasMaxLength(32);
            n.Property(x => x.ReporterUserId).HasMaxLength(64);
            n.HasIndex(x => x.GridCode);
            n.HasIndex(x => x.Unit);
            n.HasIndex(x => x.ReporterUserId);
        });
        modelBuilder.Entity<Modules.Cases.Notifications.NotificationRead>(r =>
        {
            r.ToTable("notification_reads");
            r.HasKey(x => new { x.UserId, x.NotificationId });
            r.Property(x => x.UserId).HasMaxLength(64);
        });
        modelBuilder.Entity<Modules.Cases.Targets.CaseMilestone>(m =>
        {
            m.ToTable("case_milestones");
            m.Property(x => x.Milestone).HasMaxLength(16);
            m.Property(x => x.Actor).HasMaxLength(256);
            // The first time a case reaches a milestone is the one that counts.
            m.HasIndex(x => new { x.CaseId, x.Milestone }).IsUnique();
        });
        modelBuilder.Entity<Modules.Cases.Targets.CaseTargetMiss>(m =>
        {
            m.ToTable("case_target_misses");
            m.Property(x => x.Milestone).HasMaxLength(16);
            m.Property(x => x.SetBy).HasMaxLength(16);
            // Each missed target escalates exactly once, whatever number of nodes sweep.
            m.HasIndex(x => new { x.CaseId, x.Milestone, x.SetBy }).IsUnique();
        });
        modelBuilder.Entity<CaseNumberCounter>(n =>
        {
            n.ToTable("case_number_counters");
            n.HasKey(x => new { x.District, x.Day });
            n.Property(x => x.District).HasMaxLength(8);
            n.Property(x => x.Day).HasMaxLength(8);
        });
    }

    private static CaseStage ParseStage(string name) =>
        CaseNames.TryParseStage(name, out var stage) ? stage : throw new InvalidDataException($"Unknown stage '{name}'.");

    private static LimitUnit ParseUnit(string name) =>
        TimeLimit.TryParseUnit(name, out var unit) ? unit : throw new InvalidDataException($"Unknown limit unit '{name}'.");
}
