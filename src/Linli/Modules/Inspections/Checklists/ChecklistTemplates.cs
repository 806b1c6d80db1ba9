using System.Security.Claims;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Checklists;

public sealed record TemplateView(string Utility, string Code, string Name, int Revision, string UpdatedBy, DateTimeOffset UpdatedAt,
    IReadOnlyList<ChecklistItem> Items);

public sealed record TemplateSummary(string Utility, string Code, string Name, int Revision, int ItemCount);

public sealed record PutTemplateRequest(string? Utility, string? Name, IReadOnlyList<ChecklistItem>? Items);

/// <summary>Reading and replacing a utility's checklist templates (GET for staff of the utility, PUT for its desk).</summary>
internal static class ChecklistTemplates
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ChecklistItem> ItemsOf(ChecklistTemplate template) =>
        JsonSerializer.Deserialize<List<ChecklistItem>>(template.ItemsJson, Json) ?? [];

    public static string Serialize(IReadOnlyList<ChecklistItem> items) => JsonSerializer.Serialize(items, Json);

    public static TemplateView View(ChecklistTemplate t) => new(t.Utility, t.Code, t.Name, t.Revision, t.UpdatedBy,
        DateTimeOffset.FromUnixTimeMilliseconds(t.UpdatedAtMs), ItemsOf(t));

    public static async Task<Ok<List<TemplateSummary>>> List(string? utility, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var query = db.ChecklistTemplates.AsNoTracking();
        if (!scope.Everything)
        {
            // District officers read the checklists hazards were graded by, whatever the utility.
            query = scope.Regions.Count > 0 ? query : query.Where(t => scope.Units.Contains(t.Utility));
        }
        if (utility is { Length: > 0 })
        {
            query = query.Where(t => t.Utility == utility);
        }
        var templates = await query.OrderBy(t => t.Utility).ThenBy(t => t.Code).ToListAsync(ct);
        return TypedResults.Ok(templates.Select(t => new TemplateSummary(t.Utility, t.Code, t.Name, t.Revision, ItemsOf(t).Count)).ToList());
    }

    public static async Task<Ok<TemplateView>> Get(string code, string? utility, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var owner = scope.Regions.Count > 0 && utility is null ? GasChecklist.Utility : scope.UtilityFor(utility);
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Utility == owner && t.Code == code, ct)
            ?? throw new NotFoundException($"Utility {owner} has no checklist template {code}.");
        return TypedResults.Ok(View(template));
    }

    /// <summary>Creates or replaces a template; a replacement raises the revision, so inspections keep the one they were recorded by.</summary>
    public static async Task<Ok<TemplateView>> Put(string code, PutTemplateRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        ICaseDirectory cases, TimeProvider clock, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsManage);
        var utility = scope.UtilityFor(request.Utility);
        if (code.Length is 0 or > 32) throw new RequestValidationException("code", "1 to 32 characters");
        var categories = (await cases.CategoriesAsync(ct)).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var errors = Validate(request, categories);
        if (errors.Count > 0) throw new RequestValidationException(errors);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var name = request.Name!.Trim();
        var items = Serialize(request.Items!);
        var template = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Utility == utility && t.Code == code, ct);
        if (template is null)
        {
            template = new ChecklistTemplate(utility, code, name, items, user.Identity?.Name ?? "?", nowMs);
            db.ChecklistTemplates.Add(template);
        }
        else
        {
            template.Replace(name, items, user.Identity?.Name ?? "?", nowMs);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("Changed meanwhile", $"Template {code} was changed by someone else at the same moment; read it again.");
        }
        return TypedResults.Ok(View(template));
    }

    internal static Dictionary<string, string[]> Validate(PutTemplateRequest request, IReadOnlySet<string> categories)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200) errors["name"] = ["1 to 200 characters"];
        if (request.Items is not { Count: > 0 })
        {
            errors["items"] = ["at least one item"];
            return errors;
        }
        if (request.Items.Count > 200) errors["items"] = ["at most 200 items"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var grades = new[] { HazardGrades.General, HazardGrades.Major, HazardGrades.MajorUnlessNotified };
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var field = $"items[{i}]";
            if (string.IsNullOrWhiteSpace(item.Code) || item.Code.Length > 32) errors[$"{field}.code"] = ["1 to 32 characters"];
            else if (item.Code == GasChecklist.NoPeriodicInspection) errors[$"{field}.code"] = ["is reserved for the system's own finding"];
            else if (!seen.Add(item.Code)) errors[$"{field}.code"] = [$"{item.Code} appears twice; item codes are unique"];
            if (string.IsNullOrWhiteSpace(item.TextZh) || item.TextZh.Length > 300) errors[$"{field}.textZh"] = ["1 to 300 characters"];
            if (item.TextEn?.Length > 300) errors[$"{field}.textEn"] = ["at most 300 characters"];
            if (!grades.Contains(item.Grade)) errors[$"{field}.grade"] = [$"must be one of {string.Join(", ", grades)}"];
            if (item.CaseCategory is { Length: > 0 } category && !categories.Contains(category))
                errors[$"{field}.caseCategory"] = [$"category {category} does not exist (GET /api/v1/categories)"];
            else if (item.CaseCategory is not { Length: > 0 } && item.Grade is HazardGrades.Major or HazardGrades.MajorUnlessNotified)
                errors[$"{field}.caseCategory"] = ["a major item needs the case category its case opens in"];
            if (item.RectifyDays is < 1 or > 365) errors[$"{field}.rectifyDays"] = ["between 1 and 365 days"];
        }
        return errors;
    }
}

/// <summary>Adds the built-in gas checklist when utility GAS has none by that code; a second node's insert fails on the key and is ignored.</summary>
internal sealed class ChecklistSeeder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ChecklistSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
            if (await db.ChecklistTemplates.AnyAsync(t => t.Utility == GasChecklist.Utility && t.Code == GasChecklist.Code, cancellationToken))
            {
                return;
            }
            db.ChecklistTemplates.Add(new ChecklistTemplate(GasChecklist.Utility, GasChecklist.Code, GasChecklist.Name,
                ChecklistTemplates.Serialize(GasChecklist.Items), "system", clock.GetUtcNow().ToUnixTimeMilliseconds()));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "The gas checklist was seeded by another node");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
