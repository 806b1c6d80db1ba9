using System.Linq.Expressions;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.People.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.People.Households;

/// <summary>What the household book may be asked for a list.</summary>
public sealed record HouseholdQuery(string? Region, string? CareTag, bool? HasPartyMember, int? NotVisitedDays, int? Page, int? PageSize);

/// <summary>
/// The household book as the API and the pages use it: every read and write checks the region of
/// the household's building against the user's scope, and every name and phone leaves masked.
/// Split by use case over this folder and Visits/ (partial).
/// </summary>
internal sealed partial class HouseholdBook(
    IAccessControl access,
    IRegionLookup regions,
    PersonalDataProtector protector,
    IDemandIntake intake,
    IAuditLog audit,
    IAccountDirectory accounts,
    TimeProvider clock)
{
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public async Task<HouseholdList> ListAsync(ClaimsPrincipal user, LinliDb db, HouseholdQuery q, CancellationToken ct)
    {
        var pageSize = q.PageSize ?? 50;
        var page = q.Page ?? 1;
        if (pageSize is < 1 or > 200) throw new RequestValidationException("pageSize", "between 1 and 200");
        if (page < 1) throw new RequestValidationException("page", "from 1");
        var query = db.Households.AsNoTracking().Where(await VisibleAsync(user, q.Region));
        if (q.CareTag is { Length: > 0 } tag)
        {
            if (!Contracts.CareTags.IsKnown(tag)) throw new RequestValidationException("careTag", $"'{tag}' is not a care tag");
            var marked = "," + tag + ",";
            query = query.Where(h => ("," + h.CareTags + ",").Contains(marked)
                || db.HouseholdMembers.Any(m => m.HouseholdId == h.Id && ("," + m.CareTags + ",").Contains(marked)));
        }
        if (q.HasPartyMember is { } has)
        {
            query = has ? query.Where(h => h.PartyMemberNameProtected != null || h.PartyMemberUserId != null)
                : query.Where(h => h.PartyMemberNameProtected == null && h.PartyMemberUserId == null);
        }
        if (q.NotVisitedDays is { } days)
        {
            if (days is < 0 or > 3650) throw new RequestValidationException("notVisitedDays", "from 0 to 3650");
            var cutoff = clock.GetUtcNow().AddDays(-days).ToUnixTimeMilliseconds();
            query = query.Where(h => h.LastVisitAtMs == null || h.LastVisitAtMs < cutoff);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.Include(h => h.Members).AsSplitQuery().OrderBy(h => h.BuildingCode).ThenBy(h => h.Address).ThenBy(h => h.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new HouseholdList(rows.Select(Summary).ToList(), total, page, pageSize);
    }

    public async Task<HouseholdView> GetAsync(ClaimsPrincipal user, LinliDb db, Guid id, CancellationToken ct) =>
        View(await FindAsync(user, db, id, Permissions.PeopleRead, tracking: false, ct));

    public async Task<HouseholdPersonalData> UnmaskAsync(ClaimsPrincipal user, LinliDb db, Guid id, UnmaskHouseholdRequest request, CancellationToken ct)
    {
        await access.EnsureAsync(user, Permissions.PersonalDataUnmask);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length < 4)
        {
            throw new RequestValidationException("reason", "state why you need the unmasked data (at least 4 characters); it is recorded");
        }
        var h = await FindAsync(user, db, id, Permissions.PeopleRead, tracking: false, ct);
        await audit.RecordForAsync(user, "personal-data.unmask", $"household:{h.Id}", AuditOutcomes.Success, reason, CancellationToken.None);
        var party = h.HasPartyMember
            ? new PartyMemberView(protector.UnprotectOrMarker(h.PartyMemberNameProtected), protector.UnprotectOrMarker(h.PartyMemberPhoneProtected), h.PartyMemberUserId)
            : null;
        return new HouseholdPersonalData(h.Id, protector.UnprotectOrMarker(h.HeadNameProtected) ?? "", protector.UnprotectOrMarker(h.HeadPhoneProtected), party,
            h.Members.OrderBy(m => m.Id).Select(m => new MemberPersonalData(m.Id, protector.UnprotectOrMarker(m.NameProtected) ?? "",
                protector.UnprotectOrMarker(m.IdNumberProtected), protector.UnprotectOrMarker(m.PhoneProtected))).ToList());
    }

    /// <summary>The household with its members, if the user holds the permission on its building (404 when none, 403 outside her scope).</summary>
    public async Task<Household> FindAsync(ClaimsPrincipal user, LinliDb db, Guid id, string permission, bool tracking, CancellationToken ct)
    {
        var query = db.Households.Include(h => h.Members).AsQueryable();
        var h = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException($"Household {id} does not exist.");
        await access.EnsureAsync(user, permission, h.BuildingCode);
        return h;
    }

    /// <summary>
    /// The building-code prefixes a user may list in a region (null: everything): all of the region
    /// when a scope covers it, the scopes within it when it is larger than hers (a grid worker asking
    /// for her community), else 403.
    /// </summary>
    private async Task<List<string>?> PrefixesAsync(ClaimsPrincipal user, string? region)
    {
        var scopes = await access.ScopesAsync(user, Permissions.PeopleRead);
        if (region is { Length: > 0 } && regions.PathTo(region).Count == 0)
        {
            throw new NotFoundException($"Region {region} does not exist.");
        }
        if (scopes is null)
        {
            return region is { Length: > 0 } ? [RegionScope.Prefix(region)] : null;
        }
        if (region is not { Length: > 0 })
        {
            return scopes.Select(RegionScope.Prefix).ToList();
        }
        if (scopes.Any(s => RegionScope.Covers(s, region)))
        {
            return [RegionScope.Prefix(region)];
        }
        var inner = scopes.Where(s => RegionScope.Covers(region, s)).Select(RegionScope.Prefix).ToList();
        return inner.Count > 0 ? inner
            : throw new ForbiddenException($"Not allowed: region {region} is outside the regions whose households you may read.");
    }

    private async Task<Expression<Func<Household, bool>>> VisibleAsync(ClaimsPrincipal user, string? region) =>
        InBuildings<Household>(await PrefixesAsync(user, region), nameof(Household.BuildingCode));

    /// <summary>An OR of StartsWith over the entity's building code, which both databases turn into an index range.</summary>
    private static Expression<Func<T, bool>> InBuildings<T>(List<string>? prefixes, string property)
    {
        if (prefixes is null)
        {
            return x => true;
        }
        if (prefixes.Count == 0)
        {
            return x => false;
        }
        var parameter = Expression.Parameter(typeof(T), "x");
        var building = Expression.Property(parameter, property);
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var any = prefixes.Select(p => (Expression)Expression.Call(building, startsWith, Expression.Constant(p))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(any, parameter);
    }

    public HouseholdSummary Summary(Household h) => new(h.Id, h.BuildingCode, BuildingName(h.BuildingCode), h.GridCode, h.Address,
        MaskedName(h.HeadNameProtected), MaskedPhone(h.HeadPhoneProtected), h.MemberCount, h.Residence, AllTags(h), Party(h), LastVisit(h));

    /// <summary>The household's own tags and its members', in the order of <c>CareTags.All</c>: the book shows why a household needs care, whoever it is about.</summary>
    public static IReadOnlyList<string> AllTags(Household h) =>
        HouseholdRules.Normalise([.. h.CareTagList, .. h.Members.SelectMany(m => m.CareTagList)]);

    public HouseholdView View(Household h) => new(h.Id, h.BuildingCode, BuildingName(h.BuildingCode), h.GridCode, h.Address,
        MaskedName(h.HeadNameProtected), MaskedPhone(h.HeadPhoneProtected), h.MemberCount, h.Residence, h.CareTagList,
        h.CareTagsConsentAt?.ToOffset(ChinaTime), Party(h), h.Notes,
        h.Members.OrderBy(m => m.Relation == "head" ? 0 : 1).ThenBy(m => m.BirthYear ?? 9999).ThenBy(m => m.Id).Select(Member).ToList(),
        LastVisit(h), h.CreatedAt.ToOffset(ChinaTime), h.UpdatedAt.ToOffset(ChinaTime), h.Version);

    public MemberView Member(HouseholdMember m) => new(m.Id, MaskedName(m.NameProtected),
        protector.UnprotectOrMarker(m.IdNumberProtected) is { } id ? PersonalDataFormats.MaskIdNumber(id) : null,
        m.Relation, m.Gender, m.BirthYear, MaskedPhone(m.PhoneProtected), m.CareTagList, m.CareTagsConsentAt?.ToOffset(ChinaTime));

    public string MaskedName(string? protectedName) =>
        protector.UnprotectOrMarker(protectedName) is { } name ? name == PersonalDataProtector.Unreadable ? name : PersonalDataFormats.MaskName(name) : "";

    private string? MaskedPhone(string? protectedPhone) =>
        protector.UnprotectOrMarker(protectedPhone) is { } phone ? phone == PersonalDataProtector.Unreadable ? phone : PersonalDataFormats.MaskPhone(phone) : null;

    private PartyMemberView? Party(Household h) => h.HasPartyMember
        ? new PartyMemberView(h.PartyMemberNameProtected is null ? null : MaskedName(h.PartyMemberNameProtected), MaskedPhone(h.PartyMemberPhoneProtected), h.PartyMemberUserId)
        : null;

    private string? BuildingName(string code) => regions.PathTo(code) is { Count: > 0 } path ? path[^1].Name : null;

    private static DateTimeOffset? LastVisit(Household h) =>
        h.LastVisitAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaTime) : null;
}
