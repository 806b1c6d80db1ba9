using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Cases.Categories;

/// <summary>The taxonomy: read by everyone (reporters pick from it), edited, exported and imported by admins.</summary>
internal static class CategoryEndpoints
{
    public static async Task<Ok<List<MajorCategoryDto>>> List(HttpRequest request, LinliDb db, CancellationToken ct) =>
        TypedResults.Ok(ToDocument(await LoadAsync(db, ct), English(request)).Majors!.ToList());

    public static async Task<Ok<MinorCategoryDto>> Get(string code, HttpRequest request, LinliDb db, CancellationToken ct)
    {
        var minor = await db.MinorCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
            ?? throw new NotFoundException($"Category {code} does not exist.");
        return TypedResults.Ok(ToDto(minor, English(request)));
    }

    public static async Task<Ok<CategoryDocument>> Export(LinliDb db, CancellationToken ct) =>
        TypedResults.Ok(ToDocument(await LoadAsync(db, ct), english: false));

    /// <summary>Replaces the whole taxonomy with the document, in one transaction, or changes nothing.</summary>
    public static async Task<Ok<ImportCategoriesAnswer>> Import(CategoryDocument document, LinliDb db, IAuditLog audit, CategoryCatalog catalog, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var units = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        CategoryRules.CheckDocument(document, units, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var majors = await db.MajorCategories.ToDictionaryAsync(m => m.Code, ct);
        var minors = await db.MinorCategories.ToDictionaryAsync(m => m.Code, ct);
        var keptMajors = new HashSet<string>();
        var keptMinors = new HashSet<string>();
        foreach (var major in document.Majors!)
        {
            keptMajors.Add(major.Code!);
            if (!majors.TryGetValue(major.Code!, out var stored))
            {
                stored = new MajorCategory(major.Code!, major.Names!.Zh!, major.Names.En!, major.Kind!);
                db.MajorCategories.Add(stored);
            }
            stored.Rename(major.Names!.Zh!.Trim(), major.Names.En!.Trim(), major.Kind!);
            foreach (var minor in major.Minors ?? [])
            {
                keptMinors.Add(minor.Code!);
                if (!minors.TryGetValue(minor.Code!, out var storedMinor))
                {
                    storedMinor = new MinorCategory(minor.Code!, major.Code!);
                    db.MinorCategories.Add(storedMinor);
                }
                storedMinor.Apply(minor, major.Kind!);
            }
        }
        db.MinorCategories.RemoveRange(minors.Values.Where(m => !keptMinors.Contains(m.Code)));
        db.MajorCategories.RemoveRange(majors.Values.Where(m => !keptMajors.Contains(m.Code)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.RecordAsync("categories.import", null, AuditOutcomes.Success, $"{keptMajors.Count} major, {keptMinors.Count} minor classes", CancellationToken.None);
        return TypedResults.Ok(new ImportCategoriesAnswer(keptMajors.Count, keptMinors.Count));
    }

    /// <summary>Creates or changes one minor class under an existing major class.</summary>
    public static async Task<Ok<MinorCategoryDto>> Put(string code, MinorCategoryDto body, LinliDb db, IAuditLog audit, CategoryCatalog catalog, CancellationToken ct)
    {
        var majorCode = code.Length >= 2 ? code[..2] : code;
        var major = await db.MajorCategories.FirstOrDefaultAsync(m => m.Code == majorCode, ct);
        var errors = new Dictionary<string, string[]>();
        var units = (await db.Units.Select(u => u.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        CategoryRules.CheckMinor(body with { Code = code }, majorCode, "category", units, errors);
        if (major is null)
        {
            errors["category.code"] = [$"major class {majorCode} does not exist"];
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var minor = await db.MinorCategories.FirstOrDefaultAsync(m => m.Code == code, ct);
        if (minor is null)
        {
            minor = new MinorCategory(code, majorCode);
            db.MinorCategories.Add(minor);
        }
        minor.Apply(body, major!.Kind);
        await db.SaveChangesAsync(ct);
        catalog.Forget();
        await audit.RecordAsync("categories.update", code, AuditOutcomes.Success, null, CancellationToken.None);
        return TypedResults.Ok(ToDto(minor, english: false));
    }

    /// <summary>Whether the client prefers English names (Accept-Language); Chinese otherwise.</summary>
    internal static bool English(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault()?.Value.Value?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<(List<MajorCategory> Majors, List<MinorCategory> Minors)> LoadAsync(LinliDb db, CancellationToken ct) =>
        (await db.MajorCategories.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct),
         await db.MinorCategories.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct));

    private static CategoryDocument ToDocument((List<MajorCategory> Majors, List<MinorCategory> Minors) all, bool english) =>
        new(1, all.Majors.Select(m => new MajorCategoryDto(m.Code, new NamesDto(m.NameZh, m.NameEn), m.Kind,
            all.Minors.Where(c => c.MajorCode == m.Code).Select(c => ToDto(c, english)).ToList(),
            english ? m.NameEn : m.NameZh)).ToList());

    private static MinorCategoryDto ToDto(MinorCategory c, bool english) => new(
        c.Code, new NamesDto(c.NameZh, c.NameEn), c.Kind, c.FilingCondition, c.DefaultUnit,
        new LimitDto(c.LimitValue, TimeLimit.NameOf(c.LimitUnit)), c.ClosingCondition, c.DefaultPriority,
        english ? c.NameEn : c.NameZh, new DuplicatesDto(c.DuplicateRadiusMeters, c.DuplicateWindowHours),
        Targets.MilestoneTargets.Dtos(c.TargetsJson));
}

public sealed record ImportCategoriesAnswer(int Majors, int Minors);
