using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Lists.Stations;

/// <summary><c>/api/v1/stations</c>: thin HTTP handlers over <see cref="StationDesk"/> and <see cref="BookingDesk"/>.</summary>
internal static class StationEndpoints
{
    public static async Task<Ok<List<StationView>>> List(string? region, LinliDb db, CancellationToken ct) =>
        TypedResults.Ok(await StationDesk.ListAsync(db, string.IsNullOrWhiteSpace(region) ? null : region.Trim(), ct));

    public static async Task<Ok<StationView>> Get(Guid id, LinliDb db, CancellationToken ct) => TypedResults.Ok(await StationDesk.ViewAsync(db, id, ct));

    public static async Task<Created<StationView>> Create(StationRequest request, ClaimsPrincipal user, LinliDb db, StationDesk desk, CancellationToken ct)
    {
        var view = await desk.CreateAsync(db, user, request, ct);
        return TypedResults.Created($"/api/v1/stations/{view.Id}", view);
    }

    public static async Task<Ok<StationView>> Update(Guid id, StationRequest request, ClaimsPrincipal user, LinliDb db, StationDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.UpdateAsync(db, user, id, request, ct));

    public static async Task<Created<StationView>> AddService(Guid id, ServiceRequest request, ClaimsPrincipal user, LinliDb db, StationDesk desk, CancellationToken ct)
    {
        var view = await desk.AddServiceAsync(db, user, id, request, ct);
        return TypedResults.Created($"/api/v1/stations/{view.Id}", view);
    }

    public static async Task<Ok<StationView>> UpdateService(Guid id, ServiceRequest request, ClaimsPrincipal user, LinliDb db, StationDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.UpdateServiceAsync(db, user, id, request, ct));

    public static async Task<NoContent> WithdrawService(Guid id, ClaimsPrincipal user, LinliDb db, StationDesk desk, CancellationToken ct)
    {
        await desk.WithdrawServiceAsync(db, user, id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<SlotView>>> Slots(Guid id, string? from, string? to, ClaimsPrincipal user, LinliDb db, BookingDesk desk,
        TimeProvider clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Merchants.AllianceSupport.ChinaTime).DateTime);
        var first = Day(from, "from") ?? today;
        return TypedResults.Ok(await desk.SlotsAsync(db, user, id, first, Day(to, "to") ?? first.AddDays(6), ct));
    }

    public static async Task<Created<BookingView>> Book(BookRequest request, ClaimsPrincipal user, LinliDb db, BookingDesk desk, CancellationToken ct)
    {
        var view = await desk.BookAsync(db, user, request, ct);
        return TypedResults.Created($"/api/v1/stations/bookings/{view.Id}", view);
    }

    public static async Task<NoContent> Cancel(Guid id, ClaimsPrincipal user, LinliDb db, BookingDesk desk, CancellationToken ct)
    {
        await desk.CancelAsync(db, user, id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<BookingView>>> Mine(ClaimsPrincipal user, LinliDb db, BookingDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.MineAsync(db, user, ct));

    public static async Task<Ok<List<BookingView>>> Bookings(Guid id, string? from, ClaimsPrincipal user, LinliDb db, BookingDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.ForStationAsync(db, user, id, Day(from, "from"), ct));

    private static DateOnly? Day(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day
        : throw new RequestValidationException(field, "a date like 2026-12-01");
}
