using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.People.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.People.Households;

/// <summary>Keeping the household book: households, their members and their party member, within the keeper's scope.</summary>
internal sealed partial class HouseholdBook
{
    public async Task<HouseholdView> CreateAsync(ClaimsPrincipal user, LinliDb db, HouseholdRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var buildingCode = request.BuildingCode?.Trim() ?? "";
        var path = regions.PathTo(buildingCode);
        if (path.Count == 0 || path[^1].Level != "building")
        {
            throw new RequestValidationException("buildingCode", $"'{buildingCode}' is not a building of this city");
        }
        // Scope before content: someone outside the building learns nothing from the field checks.
        await access.EnsureAsync(user, Permissions.PeopleManage, buildingCode);
        HouseholdRules.Household(request, errors);
        ThrowIfAny(errors);
        var address = request.Address!.Trim();
        if (await db.Households.AnyAsync(h => h.BuildingCode == buildingCode && h.Address == address, ct))
        {
            throw new DomainException("Already in the book", $"{path[^1].Name} {address} already has a household; update it instead.");
        }
        var now = clock.GetUtcNow();
        var grid = path.LastOrDefault(r => r.Level == "grid")?.Code ?? path[^2].Code;
        var household = new Household(Guid.CreateVersion7(now), buildingCode, grid, address, Actor(user), now);
        Apply(household, request, now, isNew: true);
        foreach (var member in request.Members ?? [])
        {
            var m = new HouseholdMember(Guid.CreateVersion7(now), household.Id);
            Apply(m, member, now);
            household.Members.Add(m);
        }
        db.Households.Add(household);
        await SaveAsync(db, ct);
        return View(household);
    }

    public async Task<HouseholdView> UpdateAsync(ClaimsPrincipal user, LinliDb db, Guid id, HouseholdRequest request, CancellationToken ct)
    {
        var household = await FindAsync(user, db, id, Permissions.PeopleManage, tracking: true, ct);
        var errors = new Dictionary<string, string[]>();
        HouseholdRules.Household(request with { Members = null }, errors);
        ThrowIfAny(errors);
        if (request.BuildingCode is { Length: > 0 } building && building != household.BuildingCode)
        {
            throw new RequestValidationException("buildingCode", "a household does not move between buildings: record it in the new building");
        }
        CheckVersion(household, request.Version);
        var address = request.Address!.Trim();
        if (address != household.Address && await db.Households.AnyAsync(h => h.BuildingCode == household.BuildingCode && h.Address == address, ct))
        {
            throw new DomainException("Already in the book", $"{address} already has a household in this building.");
        }
        Apply(household, request, clock.GetUtcNow(), isNew: false);
        await SaveAsync(db, ct);
        return View(household);
    }

    public async Task<MemberView> AddMemberAsync(ClaimsPrincipal user, LinliDb db, Guid id, MemberRequest request, CancellationToken ct)
    {
        var household = await FindAsync(user, db, id, Permissions.PeopleManage, tracking: true, ct);
        var errors = new Dictionary<string, string[]>();
        HouseholdRules.Member(request, "", errors);
        ThrowIfAny(errors);
        if (household.Members.Count >= HouseholdRules.MaxMembers)
        {
            throw new DomainException("Household full", $"a household lists at most {HouseholdRules.MaxMembers} members");
        }
        var now = clock.GetUtcNow();
        var member = new HouseholdMember(Guid.CreateVersion7(now), household.Id);
        Apply(member, request, now);
        // Added through the set: the household is loaded, and EF would otherwise take the new key for an existing row.
        db.HouseholdMembers.Add(member);
        household.Touch(now);
        await SaveAsync(db, ct);
        return Member(member);
    }

    public async Task<MemberView> UpdateMemberAsync(ClaimsPrincipal user, LinliDb db, Guid id, Guid memberId, MemberRequest request, CancellationToken ct)
    {
        var household = await FindAsync(user, db, id, Permissions.PeopleManage, tracking: true, ct);
        var errors = new Dictionary<string, string[]>();
        HouseholdRules.Member(request, "", errors);
        ThrowIfAny(errors);
        var member = household.Members.FirstOrDefault(m => m.Id == memberId)
            ?? throw new NotFoundException($"Household {id} has no member {memberId}.");
        var now = clock.GetUtcNow();
        Apply(member, request, now);
        household.Touch(now);
        await SaveAsync(db, ct);
        return Member(member);
    }

    public async Task RemoveMemberAsync(ClaimsPrincipal user, LinliDb db, Guid id, Guid memberId, CancellationToken ct)
    {
        var household = await FindAsync(user, db, id, Permissions.PeopleManage, tracking: true, ct);
        var member = household.Members.FirstOrDefault(m => m.Id == memberId)
            ?? throw new NotFoundException($"Household {id} has no member {memberId}.");
        db.HouseholdMembers.Remove(member);
        household.Touch(clock.GetUtcNow());
        await SaveAsync(db, ct);
    }

    public async Task<HouseholdView> LinkPartyMemberAsync(ClaimsPrincipal user, LinliDb db, Guid id, PartyMemberRequest? request, CancellationToken ct)
    {
        var household = await FindAsync(user, db, id, Permissions.PeopleManage, tracking: true, ct);
        if (request is not null)
        {
            var errors = new Dictionary<string, string[]>();
            HouseholdRules.PartyMember(request, errors);
            ThrowIfAny(errors);
        }
        // A linked account must exist (and may be named by its user name), or the link would point at nobody.
        var userId = HouseholdRules.Clean(request?.UserId) is { } named
            ? await accounts.ResolveAsync(named, ct) ?? throw new RequestValidationException("userId", $"no account '{named}'")
            : null;
        household.LinkPartyMember(protector.Protect(HouseholdRules.Clean(request?.Name)), protector.Protect(HouseholdRules.CleanPhone(request?.Phone)),
            userId, clock.GetUtcNow());
        await SaveAsync(db, ct);
        return View(household);
    }

    /// <summary>A new household without a count has as many people as members given (at least one); an update without one keeps its count.</summary>
    private void Apply(Household household, HouseholdRequest request, DateTimeOffset now, bool isNew)
    {
        household.Describe(request.Address!.Trim(), protector.Protect(request.HeadName!.Trim())!, protector.Protect(HouseholdRules.CleanPhone(request.HeadPhone)),
            request.MemberCount ?? (isNew ? Math.Max(1, request.Members?.Count ?? 1) : household.MemberCount), request.Residence ?? household.Residence, HouseholdRules.Clean(request.Notes), now);
        household.Tag(HouseholdRules.Normalise(request.CareTags), now);
    }

    private void Apply(HouseholdMember member, MemberRequest request, DateTimeOffset now)
    {
        var id = string.IsNullOrWhiteSpace(request.IdNumber) ? null : PersonalDataFormats.Normalise(PersonalDataKind.IdNumber, request.IdNumber);
        member.Describe(protector.Protect(request.Name!.Trim())!, protector.Protect(id), protector.Index(PersonalDataKind.IdNumber, id),
            request.Relation ?? "other", HouseholdRules.Clean(request.Gender), request.BirthYear ?? HouseholdRules.BirthYearOf(id),
            protector.Protect(HouseholdRules.CleanPhone(request.Phone)));
        member.Tag(HouseholdRules.Normalise(request.CareTags), now);
    }

    private static void CheckVersion(Household household, int? version)
    {
        if (version is { } v && v != household.Version)
        {
            throw new DomainException("Changed meanwhile", $"the household is at version {household.Version}, not {v}: reload it and apply your change again");
        }
    }

    private static async Task SaveAsync(LinliDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", "someone else changed this household at the same moment: reload it and apply your change again");
        }
        catch (DbUpdateException)
        {
            // The unique flat index: another keeper recorded the same flat a moment earlier.
            throw new DomainException("Already in the book", "this flat was recorded by someone else a moment ago: reload the building's book");
        }
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
    }

    internal static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
