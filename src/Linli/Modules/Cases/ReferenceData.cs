using System.Reflection;
using System.Text.Json;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Categories;
using Linli.Modules.Cases.Units;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases;

/// <summary>
/// Fills empty tables with the shipped defaults before the app serves: the holiday arrangements
/// of 2025-2027, the city's usual departments and utilities, and the default taxonomy (75 minor
/// classes). Admins change all three afterwards; a table that holds anything is left alone.
/// </summary>
internal sealed class ReferenceData(IDbContextFactory<LinliDb> dbFactory, ILogger<ReferenceData> logger) : IHostedService
{
    private static readonly (string Code, string Name, string Kind)[] DefaultUnits =
    [
        ("CG", "城市管理局 City management", "department"),
        ("SZ", "市政设施管理中心 Municipal facilities", "department"),
        ("HW", "环境卫生管理中心 Sanitation", "department"),
        ("YL", "园林文物局 Landscaping", "department"),
        ("JJ", "公安交警支队 Traffic police", "department"),
        ("GA", "公安局 Public security", "department"),
        ("JT", "交通运输局 Transport", "department"),
        ("XF", "消防救援支队 Fire and rescue", "department"),
        ("HB", "生态环境局 Ecology and environment", "department"),
        ("MZ", "民政局 Civil affairs", "department"),
        ("ZJ", "住房和城乡建设局 Housing and construction", "department"),
        ("TY", "体育局 Sports", "department"),
        ("SW", "水务集团 Water group", "utility"),
        ("GAS", "燃气集团 Gas group", "utility"),
        ("DL", "供电公司 Power supply", "utility"),
        ("GS", "高速公路运营公司 Expressway operator", "utility"),
        ("WY", "物业服务企业 Property management", "property"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await SeedCalendarAsync(db, cancellationToken);
            var document = ReadResource<CategoryDocument>("default-categories.json");
            await SeedUnitsAsync(db, document, cancellationToken);
            await SeedCategoriesAsync(db, document, cancellationToken);
            await FillTargetsAsync(db, document, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another node seeded the same tables at the same moment.
            logger.LogInformation(e, "Reference data seeded by another node");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedCalendarAsync(LinliDb db, CancellationToken ct)
    {
        if (await db.CalendarYears.AnyAsync(ct))
        {
            return;
        }
        var shipped = ReadResource<ShippedCalendar>("holidays.json");
        foreach (var year in shipped.Years)
        {
            var document = year with { WorkingHours = year.WorkingHours ?? shipped.WorkingHours };
            db.CalendarYears.Add(new CalendarYear(year.Year, JsonSerializer.Serialize(document, CalendarStore.Json)));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedUnitsAsync(LinliDb db, CategoryDocument categories, CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct))
        {
            return;
        }
        var minors = categories.Majors!.SelectMany(m => m.Minors ?? []).ToList();
        foreach (var (code, name, kind) in DefaultUnits)
        {
            var unit = new Unit(code);
            unit.Apply(name, kind, ["330100"], minors.Where(m => m.DefaultUnit == code).Select(m => m.Code!));
            db.Units.Add(unit);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedCategoriesAsync(LinliDb db, CategoryDocument document, CancellationToken ct)
    {
        if (await db.MajorCategories.AnyAsync(ct))
        {
            return;
        }
        foreach (var major in document.Majors!)
        {
            db.MajorCategories.Add(new MajorCategory(major.Code!, major.Names!.Zh!, major.Names.En!, major.Kind!));
            foreach (var minorDto in major.Minors ?? [])
            {
                var minor = new MinorCategory(minorDto.Code!, major.Code!);
                minor.Apply(minorDto, major.Kind!);
                db.MinorCategories.Add(minor);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Targets came after the taxonomy: a database seeded before them gets the shipped targets on the
    /// categories that never had any set (null). A category an admin saved since holds "[]" or its own.
    /// </summary>
    private static async Task FillTargetsAsync(LinliDb db, CategoryDocument document, CancellationToken ct)
    {
        var shipped = document.Majors!.SelectMany(m => m.Minors ?? []).Where(m => m.Targets is { Count: > 0 }).ToDictionary(m => m.Code!, m => m.Targets!);
        var codes = shipped.Keys.ToList();
        var unset = await db.MinorCategories.Where(m => m.TargetsJson == null && codes.Contains(m.Code)).ToListAsync(ct);
        foreach (var minor in unset)
        {
            minor.FillTargets(shipped[minor.Code]);
        }
        if (unset.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The working calendar of the shipped holiday arrangements (2025-2027).</summary>
    public static WorkingCalendar ShippedWorkingCalendar()
    {
        var shipped = ReadResource<ShippedCalendar>("holidays.json");
        return CalendarStore.Build(shipped.Years.Select(y => y with { WorkingHours = y.WorkingHours ?? shipped.WorkingHours }).ToList());
    }

    private static T ReadResource<T>(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Linli.Cases.{name}")
            ?? throw new InvalidOperationException($"Resource {name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, CalendarStore.Json) ?? throw new InvalidDataException($"{name} is empty.");
    }

    private sealed record ShippedCalendar(IReadOnlyList<PeriodDto> WorkingHours, IReadOnlyList<CalendarYearDto> Years);
}
