using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Inspections.Data;
using Linli.Modules.Inspections.Hazards.RecordInspection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Inspections.Hazards;

public sealed record InspectionListItem(Guid Id, Guid CustomerId, string CustomerNumber, string CustomerName, string Address, string RegionCode,
    string Kind, string Status, DateOnly DueOn, bool Overdue, string? Inspector, DateOnly? PlannedOn, int? RouteOrder, string? Outcome, Guid? HazardId);

/// <summary>Recording an inspection and reading inspections, their photos and the user's signature.</summary>
internal static class QueryInspections
{
    public static async Task<Ok<InspectionView>> Record(Guid id, HttpRequest request, ClaimsPrincipal user, InspectionRecorder recorder, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw new RequestValidationException("body", "send multipart/form-data (answers, photos, signature, signerName, outcome, note, lon, lat)");
        }
        var form = await request.ReadFormAsync(ct);
        return TypedResults.Ok(await recorder.RecordAsync(id, form, user, ct));
    }

    public static async Task<Ok<List<InspectionListItem>>> List(string? status, Guid? customer, string? inspector, string? kind, DateOnly? dueFrom,
        DateOnly? dueTo, int? take, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var size = take ?? 200;
        if (size is < 1 or > 1000) throw new RequestValidationException("take", "between 1 and 1000");
        var query = scope.Filter(from i in db.Inspections.AsNoTracking() join c in db.UtilityCustomers.AsNoTracking() on i.CustomerId equals c.Id
                                 select new { I = i, C = c }, x => x.I.Utility, x => x.C.RegionCode);
        if (status is { Length: > 0 })
        {
            if (!Enum.TryParse<InspectionStatus>(status, true, out var s)) throw new RequestValidationException("status", "due, planned, done or cancelled");
            query = query.Where(x => x.I.Status == s);
        }
        if (customer is { } cid) query = query.Where(x => x.I.CustomerId == cid);
        if (inspector is { Length: > 0 }) query = query.Where(x => x.I.Inspector == inspector);
        if (kind is { Length: > 0 }) query = query.Where(x => x.I.Kind == kind);
        if (dueFrom is { } from) query = query.Where(x => x.I.DueOn >= from);
        if (dueTo is { } to) query = query.Where(x => x.I.DueOn <= to);
        var rows = await query.OrderBy(x => x.I.DueOn).ThenBy(x => x.I.Id).Take(size).ToListAsync(ct);
        var today = HazardDays.Today(clock);
        return TypedResults.Ok(rows.Select(x => Item(x.I, x.C, today)).ToList());
    }

    public static InspectionListItem Item(Inspection i, UtilityCustomer c, DateOnly today) => new(i.Id, c.Id, c.Number, c.Name, c.Address, c.RegionCode,
        i.Kind, InspectionViews.Status(i.Status), i.DueOn, i.Status is InspectionStatus.Due or InspectionStatus.Planned && i.DueOn < today, i.Inspector,
        i.PlannedOn, i.RouteOrder, i.Outcome, i.HazardId);

    public static async Task<Ok<InspectionView>> Get(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, TimeProvider clock, CancellationToken ct)
    {
        var inspection = await VisibleAsync(id, user, db, access, ct);
        return TypedResults.Ok(await InspectionViews.LoadAsync(db, inspection, HazardDays.Today(clock), ct));
    }

    /// <summary>An inspection the user may read: of their utility, or of a user in their region.</summary>
    public static async Task<Inspection> VisibleAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var row = await (from i in db.Inspections.AsNoTracking() join c in db.UtilityCustomers.AsNoTracking() on i.CustomerId equals c.Id
                         where i.Id == id select new { I = i, c.RegionCode }).FirstOrDefaultAsync(ct);
        return row is not null && scope.Covers(row.I.Utility, row.RegionCode) ? row.I
            : throw new NotFoundException($"Inspection {id} does not exist or lies outside your area.");
    }

    /// <summary>Photos and the signature are shown to the utility's own staff only (the signature is personal).</summary>
    public static async Task<IResult> Photo(Guid id, Guid photoId, bool? thumbnail, ClaimsPrincipal user, LinliDb db, IAccessControl access, IFileStore files,
        CancellationToken ct)
    {
        var inspection = await OwnAsync(id, user, db, access, ct);
        var photo = InspectionViews.Photos(inspection).FirstOrDefault(p => p.Id == photoId)
            ?? throw new NotFoundException($"Inspection {id} has no photo {photoId}.");
        var stream = await files.OpenReadAsync(thumbnail == true ? photo.Thumbnail : photo.Path, ct)
            ?? throw new NotFoundException($"Photo {photoId} is missing from the file store.");
        return TypedResults.Stream(stream, thumbnail == true ? "image/jpeg" : photo.ContentType);
    }

    public static async Task<IResult> Signature(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, IFileStore files,
        CancellationToken ct)
    {
        var inspection = await OwnAsync(id, user, db, access, ct);
        var stream = inspection.SignaturePath is { } path ? await files.OpenReadAsync(path, ct) : null;
        return stream is null ? throw new NotFoundException($"Inspection {id} has no signature.") : TypedResults.Stream(stream, "image/png");
    }

    private static async Task<Inspection> OwnAsync(Guid id, ClaimsPrincipal user, LinliDb db, IAccessControl access, CancellationToken ct)
    {
        var scope = await UnitScope.OfAsync(access, user, Permissions.InspectionsRead);
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return inspection is not null && scope.CoversUnit(inspection.Utility) ? inspection
            : throw new NotFoundException($"Inspection {id} does not exist or belongs to another utility.");
    }
}
