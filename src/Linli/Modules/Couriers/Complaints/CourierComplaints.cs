using System.Security.Claims;
using System.Security.Cryptography;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Review;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Couriers.Complaints;

public sealed record FileComplaintRequest(string? PassNumber, string? Text, string? Site, string? Contact);

public sealed record ComplaintReceipt(string Number, string Status, string? Outcome, DateTimeOffset FiledAt, DateTimeOffset? HandledAt);

public sealed record ComplaintView(Guid Id, string Number, Guid CourierId, string CourierMaskedName, string PassNumber, string? SiteCode, string Text,
    string? MaskedContact, string Channel, string Status, string? Outcome, string? HandledBy, DateTimeOffset FiledAt, DateTimeOffset? HandledAt);

public sealed record DecideComplaintRequest(bool? Upheld, string? Outcome, bool? SuspendRider);

/// <summary>
/// Complaints about a rider, quoting the pass number the gate card shows. Anyone may file one and
/// follow it by its own number; the rider's reviewing officers uphold (and may suspend) or dismiss.
/// </summary>
internal static class CourierComplaints
{
    private const string Digits = "0123456789";

    public static async Task<Created<ComplaintReceipt>> File(FileComplaintRequest request, ClaimsPrincipal user, LinliDb db, PersonalDataProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var passNumber = request.PassNumber?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(passNumber) || passNumber.Length > 32) errors["passNumber"] = ["the pass number on the rider's code or the gate card, e.g. XG-330105-7K3P9Q"];
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000) errors["text"] = ["what happened, in 1 to 2000 characters"];
        var contact = request.Contact?.Trim();
        if (contact is { Length: > 0 } && !PersonalDataFormats.IsMobile(contact)) errors["contact"] = ["a mobile number to call you back on, or leave it out"];
        if (errors.Count > 0) throw new RequestValidationException(errors);

        var pass = await db.CourierPasses.AsNoTracking().FirstOrDefaultAsync(p => p.Number == passNumber, ct)
            ?? throw new RequestValidationException("passNumber", $"no pass is numbered {passNumber}");
        Guid? siteId = null;
        if (!string.IsNullOrWhiteSpace(request.Site))
        {
            var code = request.Site.Trim().ToUpperInvariant();
            siteId = await db.Sites.AsNoTracking().Where(s => s.Code == code).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct)
                ?? throw new RequestValidationException("site", $"no site has the code {code}");
        }
        var now = clock.GetUtcNow();
        var number = $"TS-{now.ToOffset(CourierViews.ChinaTime):yyyyMMdd}-{string.Concat(Enumerable.Range(0, 6).Select(_ => Digits[RandomNumberGenerator.GetInt32(10)]))}";
        var by = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var channel = by is not null && user.IsInRole(Roles.Gatekeeper) ? "gate" : "web";
        var complaint = new Complaint(Guid.CreateVersion7(), number, pass.CourierId, siteId, text!,
            contact is { Length: > 0 } ? protector.Protect(PersonalDataFormats.Normalise(PersonalDataKind.Phone, contact)) : null, channel, by, now.ToUnixTimeMilliseconds());
        db.Complaints.Add(complaint);
        db.CourierEvents.Add(new CourierEvent(pass.CourierId, by ?? "public", "complaint", number, now.ToUnixTimeMilliseconds()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/couriers/complaints/{number}", Receipt(complaint));
    }

    /// <summary>Follow by number: the status and outcome only, never the rider or the text.</summary>
    public static async Task<Ok<ComplaintReceipt>> Follow(string number, LinliDb db, CancellationToken ct)
    {
        var key = number.Trim().ToUpperInvariant();
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Number == key, ct)
            ?? throw new NotFoundException($"No complaint is numbered {key}.");
        return TypedResults.Ok(Receipt(complaint));
    }

    public static async Task<Ok<List<ComplaintView>>> List(string? status, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        PersonalDataProtector protector, CancellationToken ct)
    {
        var couriers = AreaFilter.Within(db.Couriers.AsNoTracking(), await access.ScopesAsync(user, Permissions.CouriersReview), r => r.RegionCode);
        var query = from c in db.Complaints.AsNoTracking()
                    join r in couriers on c.CourierId equals r.Id
                    select new { c, r.RegionCode, r.NameMasked };
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ComplaintStatus>(status, true, out var s) || int.TryParse(status, out _))
            {
                throw new RequestValidationException("status", "must be open, upheld or dismissed");
            }
            query = query.Where(x => x.c.Status == s);
        }
        var rows = await query.OrderBy(x => x.c.CreatedAtMs).Take(2000).ToListAsync(ct);
        var passIds = rows.Select(x => x.c.CourierId).Distinct().ToList();
        var passes = await db.CourierPasses.AsNoTracking().Where(p => passIds.Contains(p.CourierId)).OrderByDescending(p => p.IssuedAtMs).ToListAsync(ct);
        var siteIds = rows.Select(x => x.c.SiteId).OfType<Guid>().Distinct().ToList();
        var sites = await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return TypedResults.Ok(rows.Select(x => new ComplaintView(x.c.Id, x.c.Number, x.c.CourierId, x.NameMasked,
            passes.FirstOrDefault(p => p.CourierId == x.c.CourierId)?.Number ?? "", x.c.SiteId is { } sid ? sites.GetValueOrDefault(sid) : null, x.c.Text,
            x.c.ContactProtected is null ? null : PersonalDataFormats.MaskPhone(protector.UnprotectOrMarker(x.c.ContactProtected) ?? ""), x.c.Channel,
            x.c.Status.ToString().ToLowerInvariant(), x.c.Outcome, x.c.HandledBy, CourierViews.At(x.c.CreatedAtMs),
            x.c.HandledAtMs is { } h ? CourierViews.At(h) : null)).ToList());
    }

    public static async Task<Ok<ComplaintReceipt>> Decide(Guid id, DecideComplaintRequest request, ClaimsPrincipal user, LinliDb db, IAccessControl access,
        TimeProvider clock, CancellationToken ct)
    {
        if (request.Upheld is null) throw new RequestValidationException("upheld", "true to uphold the complaint, false to dismiss it");
        var outcome = request.Outcome?.Trim();
        if (string.IsNullOrEmpty(outcome) || outcome.Length > 1000) throw new RequestValidationException("outcome", "what was found and done, 1 to 1000 characters; the complainant sees it");
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"Complaint {id} does not exist.");
        var courier = await ReviewCouriers.FindAsync(db, complaint.CourierId, user, access, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var actor = ReviewCouriers.Actor(user);
        complaint.Decide(request.Upheld.Value, outcome, actor, now);
        db.CourierEvents.Add(new CourierEvent(courier.Id, actor, request.Upheld.Value ? "complaint-upheld" : "complaint-dismissed", $"{complaint.Number}: {outcome}", now));
        if (request.Upheld.Value && request.SuspendRider == true)
        {
            courier.Suspend(actor, $"投诉 {complaint.Number} 属实：{outcome}", now);
            db.CourierEvents.Add(new CourierEvent(courier.Id, actor, "suspend", complaint.Number, now));
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Receipt(complaint));
    }

    private static ComplaintReceipt Receipt(Complaint c) =>
        new(c.Number, c.Status.ToString().ToLowerInvariant(), c.Outcome, CourierViews.At(c.CreatedAtMs), c.HandledAtMs is { } h ? CourierViews.At(h) : null);
}
