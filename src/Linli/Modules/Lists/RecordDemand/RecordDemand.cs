using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.GetDemand;
using Linli.Modules.People.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.RecordDemand;

public sealed record RequesterInput(string? Name, string? Phone);

/// <summary>
/// A need to record. <c>timeWindows</c> like "Tue,Thu 11:00-12:00" (empty: any time); <c>careTags</c>
/// only with <c>careTagsConsent</c>; <c>quantity</c> defaults to 1 and <c>urgency</c> to normal.
/// </summary>
public sealed record RecordDemandRequest(string? Channel, string? RegionCode, Guid? HouseholdId, RequesterInput? Requester, string? Category,
    string? Description, int? Quantity, string? Urgency, IReadOnlyList<string>? TimeWindows, IReadOnlyList<string>? CareTags, bool? CareTagsConsent);

/// <summary>POST /api/v1/demands: staff with lists:manage in the region put a need on the list, through the one intake every way in shares.</summary>
internal static class RecordDemand
{
    public static async Task<Created<DemandView>> Handle(RecordDemandRequest request, HttpContext http, LinliDb db, IAccessControl access,
        IDemandIntake intake, DemandViews views, IServiceProvider services, CancellationToken ct)
    {
        var id = await RecordAsync(request, http.User, db, access, intake, services, ct);
        var view = await GetDemand.GetDemand.LoadAsync(id, http.User, db, access, views, ct);
        http.Response.Headers.ETag = ListAccess.Versions.ETag(view.Version);
        return TypedResults.Created($"/api/v1/demands/{id}", view);
    }

    /// <summary>Checks the region against the user's scope first (403), then every field (400 naming them), then saves.</summary>
    public static async Task<Guid> RecordAsync(RecordDemandRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        IDemandIntake intake, IServiceProvider services, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            await access.EnsureAsync(user, Permissions.ListsManage, request.RegionCode.Trim());
        }
        if (request.HouseholdId is { } household && services.GetService(typeof(IHouseholdDirectory)) is IHouseholdDirectory directory
            && !(await directory.FindAsync([household], ct)).ContainsKey(household))
        {
            throw new RequestValidationException("householdId", $"no household {household} in the household book");
        }
        var draft = new DemandDraft(request.Channel?.Trim() ?? "", request.RegionCode?.Trim() ?? "", request.HouseholdId,
            request.Requester?.Name, request.Requester?.Phone, request.Category?.Trim() ?? "", request.Description ?? "",
            request.Quantity ?? 1, request.Urgency?.Trim() ?? "normal", request.TimeWindows ?? [], request.CareTags ?? [],
            request.CareTagsConsent ?? false, VisitId: null, user.Identity?.Name ?? "unknown");
        Guid id;
        try
        {
            id = intake.Add(db, draft);
        }
        catch (RequestValidationException e)
        {
            // The intake speaks of the draft's flat fields; the request nests the requester.
            throw new RequestValidationException(e.Errors.ToDictionary(
                p => p.Key switch { "requesterName" => "requester.name", "requesterPhone" => "requester.phone", _ => p.Key }, p => p.Value));
        }
        await db.SaveChangesAsync(ct);
        return id;
    }
}
