using Linli.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.People.Households;

/// <summary>The HTTP face of the household book; the work is in <see cref="HouseholdBook"/>, which the pages call too.</summary>
internal static class HouseholdEndpoints
{
    public static async Task<Ok<HouseholdList>> List(HttpContext http, LinliDb db, HouseholdBook book, string? region, string? careTag,
        bool? hasPartyMember, int? notVisitedDays, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await book.ListAsync(http.User, db, new HouseholdQuery(region, careTag, hasPartyMember, notVisitedDays, page, pageSize), ct));

    public static async Task<Ok<HouseholdView>> Get(Guid householdId, HttpContext http, LinliDb db, HouseholdBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.GetAsync(http.User, db, householdId, ct));

    public static async Task<Created<HouseholdView>> Create(HouseholdRequest request, HttpContext http, LinliDb db, HouseholdBook book, CancellationToken ct)
    {
        var view = await book.CreateAsync(http.User, db, request, ct);
        return TypedResults.Created($"/api/v1/households/{view.Id}", view);
    }

    public static async Task<Ok<HouseholdView>> Update(Guid householdId, HouseholdRequest request, HttpContext http, LinliDb db, HouseholdBook book,
        CancellationToken ct) =>
        TypedResults.Ok(await book.UpdateAsync(http.User, db, householdId, request, ct));

    public static async Task<Created<MemberView>> AddMember(Guid householdId, MemberRequest request, HttpContext http, LinliDb db, HouseholdBook book,
        CancellationToken ct)
    {
        var member = await book.AddMemberAsync(http.User, db, householdId, request, ct);
        return TypedResults.Created($"/api/v1/households/{householdId}/members/{member.Id}", member);
    }

    public static async Task<Ok<MemberView>> UpdateMember(Guid householdId, Guid memberId, MemberRequest request, HttpContext http, LinliDb db,
        HouseholdBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.UpdateMemberAsync(http.User, db, householdId, memberId, request, ct));

    public static async Task<NoContent> RemoveMember(Guid householdId, Guid memberId, HttpContext http, LinliDb db, HouseholdBook book, CancellationToken ct)
    {
        await book.RemoveMemberAsync(http.User, db, householdId, memberId, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<HouseholdView>> LinkPartyMember(Guid householdId, PartyMemberRequest request, HttpContext http, LinliDb db,
        HouseholdBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.LinkPartyMemberAsync(http.User, db, householdId, request, ct));

    public static async Task<Ok<HouseholdView>> UnlinkPartyMember(Guid householdId, HttpContext http, LinliDb db, HouseholdBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.LinkPartyMemberAsync(http.User, db, householdId, null, ct));

    public static async Task<Ok<HouseholdPersonalData>> Unmask(Guid householdId, UnmaskHouseholdRequest request, HttpContext http, LinliDb db,
        HouseholdBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.UnmaskAsync(http.User, db, householdId, request, ct));

    public static async Task<Created<VisitView>> RecordVisit(Guid householdId, VisitRequest request, HttpContext http, LinliDb db, HouseholdBook book,
        CancellationToken ct)
    {
        var visit = await book.RecordVisitAsync(http.User, db, householdId, request, ct);
        return TypedResults.Created($"/api/v1/households/{householdId}/visits", visit);
    }

    public static async Task<Ok<List<VisitView>>> VisitsIn(HttpContext http, LinliDb db, HouseholdBook book, string? region, int? days, int? limit,
        CancellationToken ct) =>
        TypedResults.Ok(await book.VisitsInAsync(http.User, db, region, days, limit, ct));

    public static async Task<Ok<List<VisitView>>> Visits(Guid householdId, HttpContext http, LinliDb db, HouseholdBook book, CancellationToken ct) =>
        TypedResults.Ok(await book.VisitsAsync(http.User, db, householdId, ct));
}
