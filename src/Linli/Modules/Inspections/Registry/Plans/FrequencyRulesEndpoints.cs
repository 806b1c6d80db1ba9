using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Registry.Plans;

/// <summary>A rule as given: null (or empty) type, risk class or region matches anything.</summary>
public sealed record FrequencyRuleInput(string? CustomerType, string? RiskClass, string? RegionPrefix, int IntervalMonths, string? Note);

public sealed record FrequencyRulesRequest(IReadOnlyList<FrequencyRuleInput>? Rules, string? Utility = null);

public sealed record FrequencyRuleView(Guid Id, string? CustomerType, string? RiskClass, string? RegionPrefix, int IntervalMonths, string? Note, int Specificity);

/// <summary>A utility's rules, most specific first, and the interval used when none matches.</summary>
public sealed record FrequencyRulesView(string Utility, IReadOnlyList<FrequencyRuleView> Rules, int FallbackMonths);

/// <summary>Reading and replacing a utility's frequency rules; a change recomputes every user's next due date.</summary>
internal static class FrequencyRulesEndpoints
{
    public const int MaxRules = 200;

    public static async Task<Ok<FrequencyRulesView>> Get(string? utility, HttpContext http, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, http.User, Permissions.InspectionsRead);
        var owner = utility is { Length: > 0 } ? utility : scope.Units.Count == 1 ? scope.Units[0] : RegistryDefaults.Gas;
        return TypedResults.Ok(await ViewAsync(db, owner, ct));
    }

    public static async Task<FrequencyRulesView> ViewAsync(LinliDb db, string utility, CancellationToken ct)
    {
        var book = await FrequencyRuleBook.LoadAsync(db, utility, ct);
        return new FrequencyRulesView(utility, book.Rules
            .OrderByDescending(FrequencyRuleBook.Specificity).ThenBy(r => r.CustomerType).ThenBy(r => r.RiskClass).ThenBy(r => r.RegionPrefix)
            .Select(r => new FrequencyRuleView(r.Id, r.CustomerType, r.RiskClass, r.RegionPrefix, r.IntervalMonths, r.Note, FrequencyRuleBook.Specificity(r)))
            .ToList(), FrequencyRuleBook.FallbackMonths);
    }

    public static async Task<Ok<FrequencyRulesView>> Put(FrequencyRulesRequest request, HttpContext http, LinliDb db, IAccessControl access,
        IRegionLookup regions, DueSweep due, CancellationToken ct) =>
        TypedResults.Ok(await ReplaceAsync(db, access, regions, due, http.User, request, ct));

    public static async Task<FrequencyRulesView> ReplaceAsync(LinliDb db, IAccessControl access, IRegionLookup regions, DueSweep due,
        ClaimsPrincipal user, FrequencyRulesRequest request, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsManage);
        var utility = scope.UtilityFor(request.Utility);
        var rules = Check(request.Rules ?? [], regions).Select(r => new FrequencyRule(Guid.NewGuid(), utility, r.CustomerType, r.RiskClass,
            r.RegionPrefix, r.IntervalMonths, r.Note)).ToList();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.FrequencyRules.Where(r => r.Utility == utility).ExecuteDeleteAsync(ct);
            db.FrequencyRules.AddRange(rules);
            await db.SaveChangesAsync(ct);
            // Every user's interval may have changed: null means "recompute" to the due refresh.
            await db.UtilityCustomers.Where(c => c.Utility == utility && c.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextDueOn, (DateOnly?)null).SetProperty(c => c.Version, c => c.Version + 1), ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        await due.RefreshAsync(db, utility, null, ct);
        return await ViewAsync(db, utility, ct);
    }

    /// <summary>Known codes, 1–60 months, no two rules for the same type, risk class and region; errors name rules[i].field.</summary>
    public static IReadOnlyList<FrequencyRuleInput> Check(IReadOnlyList<FrequencyRuleInput> rules, IRegionLookup regions)
    {
        var errors = new Dictionary<string, string[]>();
        if (rules.Count is 0 or > MaxRules)
        {
            errors["rules"] = [rules.Count == 0 ? "keep at least one rule (one naming nothing is the catch-all)" : $"at most {MaxRules} rules"];
        }
        var clean = new List<FrequencyRuleInput>();
        var seen = new Dictionary<(string?, string?, string?), int>();
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var type = Blank(r.CustomerType);
            var risk = Blank(r.RiskClass);
            var region = Blank(r.RegionPrefix);
            if (type is not null && !CustomerTypes.All.Contains(type))
            {
                errors[$"rules[{i}].customerType"] = [$"one of {string.Join(", ", CustomerTypes.All)}"];
            }
            if (risk is not null && !RiskClasses.All.Contains(risk))
            {
                errors[$"rules[{i}].riskClass"] = [$"one of {string.Join(", ", RiskClasses.All)}"];
            }
            if (region is not null && regions.PathTo(region).Count == 0)
            {
                errors[$"rules[{i}].regionPrefix"] = [$"no region {region}"];
            }
            if (r.IntervalMonths is < 1 or > 60)
            {
                errors[$"rules[{i}].intervalMonths"] = ["from 1 to 60 months"];
            }
            if (r.Note?.Length > 500)
            {
                errors[$"rules[{i}].note"] = ["at most 500 characters"];
            }
            if (seen.TryGetValue((type, risk, region), out var first))
            {
                errors[$"rules[{i}]"] = [$"the same type, risk class and region as rules[{first}]"];
            }
            seen.TryAdd((type, risk, region), i);
            clean.Add(new FrequencyRuleInput(type, risk, region, r.IntervalMonths, Blank(r.Note)));
        }
        return errors.Count > 0 ? throw new RequestValidationException(errors) : clean;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
