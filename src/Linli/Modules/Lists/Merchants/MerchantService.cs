using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Merchants;

/// <summary>
/// Joining the alliance and the staff's review of it. The API and the pages both come here, so
/// that a rule holds whichever way a merchant or officer acts.
/// </summary>
internal sealed class MerchantService(IRegionLookup regions, PersonalDataProtector protector, IAccessControl access, IAuditLog audit, TimeProvider clock)
{
    public const string ProviderKind = "merchant";

    /// <summary>Applies to join (or sends a rejected application of one's own again).</summary>
    public async Task<MerchantView> ApplyAsync(LinliDb db, ClaimsPrincipal user, ApplyRequest request, CancellationToken ct)
    {
        var owner = UserId(user);
        var code = CreditCode.Normalise(request.CreditCode);
        var (regionCode, lon, lat, categories) = Check(request);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var contact = protector.Protect(Trimmed(request.Contact));
        var merchant = await db.Merchants.FirstOrDefaultAsync(m => m.CreditCode == code, ct);
        if (merchant is null)
        {
            merchant = new Merchant(Guid.CreateVersion7(), owner, request.Name!.Trim(), code, request.Address!.Trim(), regionCode, lon, lat, contact, categories, now);
            db.Merchants.Add(merchant);
        }
        else if (merchant.OwnerUserId == owner)
        {
            merchant.Revise(request.Name!.Trim(), request.Address!.Trim(), regionCode, lon, lat, contact, categories, now);
        }
        else
        {
            throw new DomainException("Already a member", "a merchant with this unified social credit code has already applied; ask the community if you took over the shop");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw new DomainException("Already a member", "a merchant with this unified social credit code has already applied");
        }
        return await ViewAsync(db, merchant, ct);
    }

    private (string RegionCode, double? Lon, double? Lat, List<string> Categories) Check(ApplyRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name)) errors["name"] = ["is required"];
        else if (request.Name.Trim().Length > 200) errors["name"] = ["at most 200 characters"];
        if (CreditCode.Problem(request.CreditCode) is { } problem) errors["creditCode"] = [problem];
        if (string.IsNullOrWhiteSpace(request.Address)) errors["address"] = ["is required"];
        else if (request.Address.Trim().Length > 300) errors["address"] = ["at most 300 characters"];
        if (string.IsNullOrWhiteSpace(request.Contact)) errors["contact"] = ["is required: how the community reaches the shop"];
        else if (request.Contact.Trim().Length > 100) errors["contact"] = ["at most 100 characters"];
        var categories = (request.Categories ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (categories.Count == 0) errors["categories"] = ["name at least one category the shop offers to"];
        else if (categories.FirstOrDefault(c => !NeedCategories.IsKnown(c)) is { } unknown) errors["categories"] = [$"'{unknown}' is not a category"];
        string? regionCode = null;
        var (lon, lat) = (request.Lon, request.Lat);
        if (lon is { } x && lat is { } y)
        {
            if (x is < -180 or > 180 || y is < -90 or > 90) errors["lon"] = ["lon/lat are WGS-84 degrees"];
            else if ((regionCode = regions.LocateGridCode(x, y)) is null) errors["lon"] = ["the point lies in no grid of this city"];
        }
        else if (!string.IsNullOrWhiteSpace(request.RegionCode))
        {
            regionCode = request.RegionCode.Trim();
            if (regions.PathTo(regionCode).Count == 0) errors["regionCode"] = [$"region {regionCode} does not exist"];
            else if (regions.PointIn(regionCode) is { } point) (lon, lat) = (point.Lon, point.Lat);
        }
        else
        {
            errors["lon"] = ["give the shop's location (lon and lat) or its region code"];
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        return (regionCode!, lon, lat, categories);
    }

    public async Task<List<MerchantView>> MineAsync(LinliDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var owner = UserId(user);
        var merchants = await db.Merchants.AsNoTracking().Where(m => m.OwnerUserId == owner).ToListAsync(ct);
        var views = new List<MerchantView>();
        foreach (var merchant in merchants.OrderBy(m => m.CreatedAtMs))
        {
            views.Add(await ViewAsync(db, merchant, ct));
        }
        return views;
    }

    /// <summary>The owner sees their merchant; staff who read the lists see those in their scope.</summary>
    public async Task<MerchantView> GetAsync(LinliDb db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var merchant = await FindAsync(db, id, ct);
        if (merchant.OwnerUserId != user.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            await access.EnsureAsync(user, Permissions.ListsRead, merchant.RegionCode);
        }
        return await ViewAsync(db, merchant, ct);
    }

    /// <summary>Merchants in the staff member's scope, pending first (the review queue), then by name.</summary>
    public async Task<List<MerchantView>> ListAsync(LinliDb db, ClaimsPrincipal user, string? status, CancellationToken ct)
    {
        var scopes = await access.ScopesAsync(user, Permissions.ListsRead);
        var query = db.Merchants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<MerchantStatus>(status, ignoreCase: true, out var wanted))
            {
                throw new RequestValidationException("status", "one of pending, approved, rejected, suspended");
            }
            query = query.Where(m => m.Status == wanted);
        }
        var merchants = (await query.ToListAsync(ct))
            .Where(m => scopes is null || scopes.Any(s => RegionScope.Covers(s, m.RegionCode)))
            .OrderBy(m => m.Status != MerchantStatus.Pending).ThenBy(m => m.CreatedAtMs).Take(500).ToList();
        var views = new List<MerchantView>();
        foreach (var merchant in merchants)
        {
            views.Add(await ViewAsync(db, merchant, ct));
        }
        return views;
    }

    /// <summary>approve, reject or suspend; suspending pauses the merchant's resources, approving again resumes them.</summary>
    public async Task<MerchantView> DecideAsync(LinliDb db, ClaimsPrincipal user, Guid id, string decision, string? reason, CancellationToken ct)
    {
        var merchant = await FindAsync(db, id, ct);
        await access.EnsureAsync(user, Permissions.ListsManage, merchant.RegionCode);
        var actor = UserId(user);
        var clockNow = clock.GetUtcNow();
        var now = clockNow.ToUnixTimeMilliseconds();
        var resources = await db.Resources.Where(r => r.ProviderKind == ProviderKind && r.ProviderRef == id.ToString()).ToListAsync(ct);
        switch (decision)
        {
            case "approve":
                merchant.Approve(actor, now);
                db.ListEvents.AddRange(resources.Where(r => r.Status == ResourceStatus.Paused).Select(r => r.Resumed(actor, clockNow)));
                break;
            case "reject":
                merchant.Reject(actor, reason ?? "", now);
                break;
            case "suspend":
                merchant.Suspend(actor, reason ?? "", now);
                db.ListEvents.AddRange(resources.Where(r => r.Status == ResourceStatus.Active).Select(r => r.Paused(actor, $"merchant suspended: {merchant.StatusReason}", clockNow)));
                break;
            default:
                throw new RequestValidationException("decision", "one of approve, reject, suspend");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("Changed meanwhile", "someone else decided on this merchant just now; reload and look again");
        }
        await audit.RecordAsync($"merchant.{decision}", merchant.Id.ToString(), AuditOutcomes.Success, $"{merchant.Name}: {merchant.StatusReason}", ct);
        return await ViewAsync(db, merchant, ct);
    }

    public static async Task<Merchant> FindAsync(LinliDb db, Guid id, CancellationToken ct) =>
        await db.Merchants.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException($"No merchant {id}.");

    public async Task<MerchantView> ViewAsync(LinliDb db, Merchant m, CancellationToken ct)
    {
        var offers = await db.MerchantOffers.AsNoTracking().Where(o => o.MerchantId == m.Id).ToListAsync(ct);
        var ids = offers.Select(o => o.Id).ToList();
        var statuses = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Status.ToString().ToLowerInvariant(), ct);
        var contact = protector.UnprotectOrMarker(m.ContactProtected);
        return new MerchantView(m.Id, m.Name, m.CreditCode, m.Address, m.RegionCode, m.Lon, m.Lat, contact is null ? null : Mask(contact),
            m.CategoryList, m.Status.ToString().ToLowerInvariant(), m.StatusReason, FromMs(m.CreatedAtMs), FromMs(m.UpdatedAtMs),
            offers.OrderBy(o => o.CreatedAtMs).Select(o => OfferService.View(o, statuses.GetValueOrDefault(o.Id))).ToList());
    }

    private static string Mask(string contact) =>
        PersonalDataFormats.IsMobile(contact) ? PersonalDataFormats.MaskPhone(contact) : PersonalDataFormats.MaskName(contact);
}
