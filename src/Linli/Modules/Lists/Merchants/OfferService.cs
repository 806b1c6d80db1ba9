using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Merchants;

/// <summary>
/// A merchant's offers and their twins on the resource list: both written in one SaveChanges
/// (one transaction), so the list never shows an offer the merchant has withdrawn or misses one it published.
/// </summary>
internal sealed class OfferService(TimeProvider clock)
{
    public static readonly string[] ConditionKinds = ["free", "discount", "points"];

    public async Task<OfferView> CreateAsync(LinliDb db, ClaimsPrincipal user, Guid merchantId, OfferRequest request, CancellationToken ct)
    {
        var merchant = await OwnAsync(db, user, merchantId, ct);
        if (merchant.Status != MerchantStatus.Approved)
        {
            throw new DomainException("Not allowed now", "only an approved merchant can publish offers");
        }
        var windows = Check(request);
        var clockNow = clock.GetUtcNow();
        var now = clockNow.ToUnixTimeMilliseconds();
        var offer = new MerchantOffer(Guid.CreateVersion7(clockNow), merchant.Id, now);
        Set(offer, request, windows, now);
        db.MerchantOffers.Add(offer);
        var resource = new Resource(offer.Id, MerchantService.ProviderKind, merchant.Name, merchant.Id.ToString(), offer.Category, offer.Title,
            offer.CapacityPerWeek, windows, merchant.Lon, merchant.Lat, offer.RadiusMeters, [], offer.Conditions, offer.ConditionNote,
            merchant.ContactProtected, merchant.RegionCode, UserId(user), clockNow);
        db.Resources.Add(resource);
        db.ListEvents.Add(new ListEvent(ListEntity.Resource, resource.Id, "published", UserId(user), $"{merchant.Name}: {offer.Title}", clockNow));
        await db.SaveChangesAsync(ct);
        return View(offer, "active");
    }

    public async Task<OfferView> UpdateAsync(LinliDb db, ClaimsPrincipal user, Guid offerId, OfferRequest request, CancellationToken ct)
    {
        var offer = await db.MerchantOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new NotFoundException($"No offer {offerId}.");
        var merchant = await OwnAsync(db, user, offer.MerchantId, ct);
        var windows = Check(request);
        var clockNow = clock.GetUtcNow();
        Set(offer, request, windows, clockNow.ToUnixTimeMilliseconds());
        var resource = await db.Resources.FirstAsync(r => r.Id == offer.Id, ct);
        // Resource has no general revise method; the offer is its only writer, so its fields follow the offer's.
        var entry = db.Entry(resource);
        entry.Property(r => r.Category).CurrentValue = offer.Category;
        entry.Property(r => r.Title).CurrentValue = offer.Title;
        entry.Property(r => r.Availability).CurrentValue = offer.Availability;
        entry.Property(r => r.RadiusMeters).CurrentValue = offer.RadiusMeters;
        entry.Property(r => r.Conditions).CurrentValue = offer.Conditions;
        entry.Property(r => r.ConditionNote).CurrentValue = offer.ConditionNote;
        entry.Property(r => r.ProviderName).CurrentValue = merchant.Name;
        entry.Property(r => r.UpdatedAt).CurrentValue = clockNow;
        if (resource.CapacityPerWeek != offer.CapacityPerWeek)
        {
            db.ListEvents.Add(resource.CapacityChanged(offer.CapacityPerWeek, UserId(user), clockNow));
        }
        else
        {
            entry.Property(r => r.Version).CurrentValue = resource.Version + 1;
        }
        db.ListEvents.Add(new ListEvent(ListEntity.Resource, resource.Id, "revised", UserId(user), offer.Title, clockNow));
        await db.SaveChangesAsync(ct);
        return View(offer, resource.Status.ToString().ToLowerInvariant());
    }

    public async Task WithdrawAsync(LinliDb db, ClaimsPrincipal user, Guid offerId, CancellationToken ct)
    {
        var offer = await db.MerchantOffers.FirstOrDefaultAsync(o => o.Id == offerId, ct) ?? throw new NotFoundException($"No offer {offerId}.");
        await OwnAsync(db, user, offer.MerchantId, ct);
        var clockNow = clock.GetUtcNow();
        offer.Withdraw(clockNow.ToUnixTimeMilliseconds());
        var resource = await db.Resources.FirstAsync(r => r.Id == offer.Id, ct);
        if (resource.Status != ResourceStatus.Withdrawn)
        {
            db.ListEvents.Add(resource.Withdrawn(UserId(user), "the merchant withdrew the offer", clockNow));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Only the account that applied keeps a merchant's offers.</summary>
    private static async Task<Merchant> OwnAsync(LinliDb db, ClaimsPrincipal user, Guid merchantId, CancellationToken ct)
    {
        var merchant = await MerchantService.FindAsync(db, merchantId, ct);
        if (merchant.OwnerUserId != UserId(user))
        {
            throw new ForbiddenException("Not allowed: this is another merchant's record.");
        }
        return merchant;
    }

    private static List<WeeklyWindow> Check(OfferRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!NeedCategories.IsKnown(request.Category)) errors["category"] = ["choose one of the need categories"];
        if (string.IsNullOrWhiteSpace(request.Title)) errors["title"] = ["is required"];
        else if (request.Title.Trim().Length > 200) errors["title"] = ["at most 200 characters"];
        if (request.CapacityPerWeek is not (>= 1 and <= 100_000)) errors["capacityPerWeek"] = ["between 1 and 100,000 a week"];
        if (request.RadiusMeters is < 50 or > 50_000) errors["radiusMeters"] = ["between 50 m and 50 km"];
        if (!ConditionKinds.Contains(request.Conditions)) errors["conditions"] = ["one of free, discount, points"];
        if (request.ConditionNote?.Trim().Length > 500) errors["conditionNote"] = ["at most 500 characters"];
        var windows = new List<WeeklyWindow>();
        foreach (var text in (request.Availability ?? []).Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (WeeklyWindow.TryParse(text, out var window, out var error)) windows.Add(window);
            else errors["availability"] = [error];
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        return windows;
    }

    private static void Set(MerchantOffer offer, OfferRequest r, IReadOnlyList<WeeklyWindow> windows, long now) =>
        offer.Set(r.Category!, r.Title!.Trim(), r.CapacityPerWeek!.Value, WeeklyWindows.Store(windows), r.RadiusMeters, r.Conditions!, Trimmed(r.ConditionNote), now);

    public static OfferView View(MerchantOffer o, string? resourceStatus) => new(o.Id, o.MerchantId, o.Category, o.Title, o.CapacityPerWeek,
        WeeklyWindows.Load(o.Availability).Select(w => w.ToString()).ToList(), o.RadiusMeters, o.Conditions, o.ConditionNote, o.Withdrawn, resourceStatus);
}
