using System.Security.Claims;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Linli.Modules.Lists.ListAccess;
using Linli.Modules.People.Contracts;

namespace Linli.Modules.Lists.GetDemand;

/// <summary>Who asked, masked (刘*燕, 138****1234): the list never shows a requester in full.</summary>
public sealed record RequesterView(string? Name, string? Phone);

/// <summary>The household the need belongs to, as the household book names it (head masked).</summary>
public sealed record HouseholdView(Guid Id, string Address, string HeadMasked);

/// <summary>One step of an entry's history (list_events).</summary>
public sealed record HistoryEntry(DateTimeOffset At, string Action, string Actor, string? Note);

/// <summary>
/// A need as staff see it. <c>careTags</c> is null and <c>careTagsHidden</c> true for readers who
/// do not hold people:read in the need's region; <c>waitingDays</c> counts only while it is open.
/// </summary>
public sealed record DemandView(Guid Id, string Channel, string RegionCode, string? RegionName, Guid? HouseholdId, HouseholdView? Household,
    RequesterView? Requester, string Category, string? Group, string Description, int Quantity, string Urgency, IReadOnlyList<string> TimeWindows,
    IReadOnlyList<string>? CareTags, bool CareTagsHidden, string Status, Guid? ProjectId, string? ClosingEvidence, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, double? WaitingDays, int Version, double? Lon, double? Lat,
    IReadOnlyList<HistoryEntry>? History = null);

/// <summary>Turns stored needs into what a given reader may see: unprotects and masks, hides care tags, names regions.</summary>
internal sealed class DemandViews(PersonalDataProtector protector, IRegionLookup regions, IAccessControl access, TimeProvider clock,
    IServiceProvider services)
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public async Task<List<DemandView>> OfAsync(ClaimsPrincipal user, IReadOnlyList<Demand> demands, CancellationToken ct)
    {
        var careScopes = await access.ScopesAsync(user, Permissions.PeopleRead);
        var mayReadPeople = careScopes is not null || await access.DenialAsync(user, Permissions.PeopleRead) is null;
        var households = await HouseholdsAsync(demands, ct);
        var now = clock.GetUtcNow();
        return demands.Select(d => Of(d, mayReadPeople && ListScope.Covers(careScopes, d.RegionCode), households, now)).ToList();
    }

    public async Task<DemandView> OfAsync(ClaimsPrincipal user, Demand demand, IReadOnlyList<ListEvent> history, CancellationToken ct) =>
        (await OfAsync(user, [demand], ct))[0] with
        {
            History = history.Select(e => new HistoryEntry(e.At.ToOffset(China), e.Action, e.Actor, e.Note)).ToList(),
        };

    private DemandView Of(Demand d, bool showCare, IReadOnlyDictionary<Guid, HouseholdRef> households, DateTimeOffset now)
    {
        var name = Masked(d.RequesterNameProtected, PersonalDataFormats.MaskName);
        var phone = Masked(d.RequesterPhoneProtected, PersonalDataFormats.MaskPhone);
        var household = d.HouseholdId is { } h && households.TryGetValue(h, out var found) ? new HouseholdView(h, found.Address, found.HeadMasked) : null;
        var path = regions.PathTo(d.RegionCode);
        return new DemandView(d.Id, d.Channel, d.RegionCode, path.Count > 0 ? path[^1].Name : null, d.HouseholdId, household,
            name is null && phone is null ? null : new RequesterView(name, phone),
            d.Category, NeedCategories.Find(d.Category)?.Group, d.Description, d.Quantity, d.Urgency,
            d.Windows.Select(w => w.ToString()).ToList(), showCare ? d.CareTagList : null, !showCare && d.CareTags.Length > 0,
            ListNames.Of(d.Status), d.ProjectId, d.ClosingEvidence, d.CreatedBy, d.CreatedAt.ToOffset(China), d.UpdatedAt.ToOffset(China),
            d.Status == DemandStatus.Open ? Math.Round((now - d.CreatedAt).TotalDays, 1) : null, d.Version, d.Lon, d.Lat);
    }

    private string? Masked(string? protectedValue, Func<string, string> mask)
    {
        var plain = protector.UnprotectOrMarker(protectedValue);
        return plain is null or PersonalDataProtector.Unreadable ? plain : mask(plain);
    }

    /// <summary>The household book is the People module's; until it is registered the needs show without it.</summary>
    private async Task<IReadOnlyDictionary<Guid, HouseholdRef>> HouseholdsAsync(IReadOnlyList<Demand> demands, CancellationToken ct)
    {
        var ids = demands.Select(d => d.HouseholdId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0 || services.GetService(typeof(IHouseholdDirectory)) is not IHouseholdDirectory directory)
        {
            return new Dictionary<Guid, HouseholdRef>();
        }
        return await directory.FindAsync(ids, ct);
    }
}
