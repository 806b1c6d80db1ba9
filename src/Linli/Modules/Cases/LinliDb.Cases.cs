using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
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

    private static LimitUnit ParseUnit(string name) =>
        TimeLimit.TryParseUnit(name, out var unit) ? unit : throw new InvalidDataException($"Unknown limit unit '{name}'.");
}
