using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.People.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.People.Households;

/// <summary>A need heard on a visit, for the demand list (the words of <c>DemandRules</c> and <c>NeedCategories</c>).</summary>
public sealed record NeedRequest(string? Category, string? Description, int? Quantity, string? Urgency, IReadOnlyList<string>? TimeWindows,
    IReadOnlyList<string>? CareTags, bool? CareTagsConsent);

/// <summary>A visit as recorded: <c>at</c> defaults to now; needs go straight onto the demand list.</summary>
public sealed record VisitRequest(string? Kind, DateTimeOffset? At, string? Seen, string? Asked, string? FollowUp, IReadOnlyList<NeedRequest>? Needs);

public sealed record VisitView(Guid Id, Guid HouseholdId, string Kind, DateTimeOffset At, string WorkerName, string Seen, string Asked, string? FollowUp,
    IReadOnlyList<Guid> DemandIds);

/// <summary>
/// The grid worker's visit (走访): what was seen and asked, and the needs heard, which go on the
/// demand list in the same transaction as the visit — a bad need refuses the whole visit, so the
/// worker never wonders which half was kept.
/// </summary>
internal sealed partial class HouseholdBook
{
    public const int MaxNeedsPerVisit = 10;

    public async Task<VisitView> RecordVisitAsync(ClaimsPrincipal user, LinliDb db, Guid id, VisitRequest request, CancellationToken ct)
    {
        var household = await FindAsync(user, db, id, Permissions.PeopleManage, tracking: true, ct);
        var now = clock.GetUtcNow();
        var errors = VisitProblems(request, now);
        var at = request.At ?? now;
        var visit = new Visit(Guid.CreateVersion7(now), household.Id, household.BuildingCode,
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", Actor(user), at.ToUnixTimeMilliseconds(),
            request.Kind ?? "door", request.Seen?.Trim() ?? "", request.Asked?.Trim() ?? "", HouseholdRules.Clean(request.FollowUp), now);
        var headName = protector.UnprotectOrMarker(household.HeadNameProtected);
        var headPhone = protector.UnprotectOrMarker(household.HeadPhoneProtected);
        var demandIds = new List<Guid>();
        var needs = request.Needs ?? [];
        for (var i = 0; i < needs.Count && !errors.ContainsKey("needs"); i++)
        {
            var need = needs[i];
            var draft = new DemandDraft("visit", household.BuildingCode, household.Id, headName, headPhone is { Length: 11 } ? headPhone : null,
                need.Category ?? "", need.Description ?? "", need.Quantity ?? 1, need.Urgency ?? "normal", need.TimeWindows ?? [],
                need.CareTags ?? [], need.CareTagsConsent ?? false, visit.Id, Actor(user));
            try
            {
                demandIds.Add(intake.Add(db, draft));
            }
            catch (RequestValidationException e)
            {
                foreach (var (field, reasons) in e.Errors)
                {
                    errors[$"needs[{i}].{field}"] = reasons;
                }
            }
        }
        if (errors.Count > 0)
        {
            // Nothing is saved: the needs already added to this context go with it.
            throw new RequestValidationException(errors);
        }
        visit.Recorded(demandIds);
        db.Visits.Add(visit);
        household.Visited(visit.VisitedAtMs, now);
        await SaveAsync(db, ct);
        return VisitOf(visit);
    }

    public async Task<List<VisitView>> VisitsAsync(ClaimsPrincipal user, LinliDb db, Guid id, CancellationToken ct)
    {
        var household = await FindAsync(user, db, id, Permissions.PeopleRead, tracking: false, ct);
        var visits = await db.Visits.AsNoTracking().Where(v => v.HouseholdId == household.Id)
            .OrderByDescending(v => v.VisitedAtMs).ThenByDescending(v => v.Id).Take(200).ToListAsync(ct);
        return visits.Select(VisitOf).ToList();
    }

    /// <summary>The visits in a region within the reader's scope, newest first: a grid worker's round, a community's week.</summary>
    public async Task<List<VisitView>> VisitsInAsync(ClaimsPrincipal user, LinliDb db, string? region, int? days, int? limit, CancellationToken ct)
    {
        var size = limit ?? 100;
        if (size is < 1 or > 500) throw new RequestValidationException("limit", "between 1 and 500");
        if (days is < 1 or > 3650) throw new RequestValidationException("days", "from 1 to 3650");
        var since = clock.GetUtcNow().AddDays(-(days ?? 30)).ToUnixTimeMilliseconds();
        var visits = await db.Visits.AsNoTracking().Where(InBuildings<Visit>(await PrefixesAsync(user, region), nameof(Visit.BuildingCode)))
            .Where(v => v.VisitedAtMs >= since)
            .OrderByDescending(v => v.VisitedAtMs).ThenByDescending(v => v.Id).Take(size).ToListAsync(ct);
        return visits.Select(VisitOf).ToList();
    }

    private static VisitView VisitOf(Visit v) => new(v.Id, v.HouseholdId, v.Kind, DateTimeOffset.FromUnixTimeMilliseconds(v.VisitedAtMs).ToOffset(ChinaTime),
        v.WorkerName, v.Seen, v.Asked, v.FollowUp, v.DemandIdList);

    private static Dictionary<string, string[]> VisitProblems(VisitRequest request, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is not null && !PeopleWords.IsOneOf(PeopleWords.VisitKinds, request.Kind))
        {
            errors["kind"] = [$"must be one of {PeopleWords.Codes(PeopleWords.VisitKinds)}"];
        }
        if (request.At is { } at && (at > now.AddMinutes(5) || at < now.AddDays(-366)))
        {
            errors["at"] = ["when the visit took place: not in the future, at most a year ago"];
        }
        if (string.IsNullOrWhiteSpace(request.Seen) && string.IsNullOrWhiteSpace(request.Asked))
        {
            errors["seen"] = ["say what was seen or asked on the visit"];
        }
        foreach (var (field, value) in new[] { ("seen", request.Seen), ("asked", request.Asked), ("followUp", request.FollowUp) })
        {
            if (value is { Length: > 2000 })
            {
                errors[field] = ["at most 2,000 characters"];
            }
        }
        if (request.Needs is { Count: > MaxNeedsPerVisit })
        {
            errors["needs"] = [$"at most {MaxNeedsPerVisit} needs per visit"];
        }
        return errors;
    }
}
