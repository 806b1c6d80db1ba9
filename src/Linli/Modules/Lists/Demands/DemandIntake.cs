using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;

namespace Linli.Modules.Lists.Demands;

/// <summary>
/// The one way a need gets on the list, whoever records it: checks the draft, protects the
/// requester's details, places the need at the region's point for distances, and writes the
/// first step of its history. Adds to the caller's context so the caller's transaction holds.
/// </summary>
internal sealed class DemandIntake(IRegionLookup regions, PersonalDataProtector protector, TimeProvider clock) : IDemandIntake
{
    public Guid Add(LinliDb db, DemandDraft draft)
    {
        var errors = DemandRules.Problems(draft, code => regions.PathTo(code).Count > 0, out var windows);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        var now = clock.GetUtcNow();
        var point = regions.PointIn(draft.RegionCode);
        var phone = draft.RequesterPhone is { Length: > 0 } p ? PersonalDataFormats.Normalise(PersonalDataKind.Phone, p) : null;
        var demand = new Demand(Guid.CreateVersion7(now), draft.Channel, draft.RegionCode, draft.HouseholdId,
            protector.Protect(string.IsNullOrWhiteSpace(draft.RequesterName) ? null : draft.RequesterName.Trim()), protector.Protect(phone),
            draft.Category, draft.Description.Trim(), draft.Quantity, draft.Urgency, windows,
            draft.CareTags.Distinct().ToList(), draft.CareTags.Count > 0 ? now : null, point?.Lon, point?.Lat,
            draft.VisitId, draft.RecordedBy, now);
        db.Demands.Add(demand);
        db.ListEvents.Add(new ListEvent(ListEntity.Demand, demand.Id, "recorded", draft.RecordedBy, $"{draft.Channel}: {draft.Category} × {draft.Quantity}", now));
        return demand.Id;
    }
}
