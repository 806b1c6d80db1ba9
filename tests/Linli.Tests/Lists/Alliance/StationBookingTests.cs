using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Lists.Data;
using Microsoft.EntityFrameworkCore;
using static Linli.Tests.Lists.Alliance.AllianceKit;

namespace Linli.Tests.Lists.Alliance;

[Trait("Category", "Database")]
public sealed class StationBookingTests
{
    private static async Task<(string StationId, string ServiceId)> StationAsync(Tests.Infrastructure.TestApp app, Person staff, int capacity)
    {
        var created = await staff.Client.PostAsJsonAsync("/api/v1/stations", new
        {
            name = "康桥红色邻里服务站", regionCode = Community, address = "康桥路 1 号", openingHours = new[] { "daily 08:00-20:00" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stationId = (await created.JsonAsync()).GetProperty("id").GetString()!;
        var service = await staff.Client.PostAsJsonAsync($"/api/v1/stations/{stationId}/services", new
        {
            name = "免费理发", category = "repairs-haircut", slotMinutes = 30, capacityPerSlot = capacity,
        });
        Assert.Equal(HttpStatusCode.Created, service.StatusCode);
        var serviceId = (await service.JsonAsync()).GetProperty("services")[0].GetProperty("id").GetString()!;
        return (stationId, serviceId);
    }

    private static async Task<JsonElement> FirstSlotTomorrowAsync(Person person, string stationId)
    {
        var tomorrow = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1);
        var slots = await person.Client.GetFromJsonAsync<JsonElement>($"/api/v1/stations/{stationId}/slots?from={tomorrow:yyyy-MM-dd}&to={tomorrow:yyyy-MM-dd}");
        Assert.Equal(24, slots.GetArrayLength());
        return slots[0];
    }

    [Fact]
    public async Task Twenty_people_booking_a_slot_of_three_at_once_get_exactly_three_places_and_the_rest_a_clear_409()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (stationId, serviceId) = await StationAsync(app, staff, capacity: 3);
        var people = new List<Person>();
        for (var i = 0; i < 20; i++)
        {
            people.Add(await PersonAsync(app, i % 2 == 0 ? Roles.Resident : Roles.Courier));
        }
        var slot = await FirstSlotTomorrowAsync(people[0], stationId);
        var start = slot.GetProperty("start").GetDateTimeOffset();

        using var go = new SemaphoreSlim(0);
        var attempts = people.Select(async p =>
        {
            await go.WaitAsync();
            return await p.Client.PostAsJsonAsync("/api/v1/stations/bookings", new { serviceId, start });
        }).ToList();
        go.Release(people.Count);
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(17, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("all 3 places of this slot are taken", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        var startMs = start.ToUnixTimeMilliseconds();
        Assert.Equal(3, await QueryAsync(app, db => db.StationBookings.CountAsync(b => b.StartMs == startMs)));
        var after = await FirstSlotTomorrowAsync(people[0], stationId);
        Assert.Equal((3, 0), (after.GetProperty("booked").GetInt32(), after.GetProperty("free").GetInt32()));
    }

    [Fact]
    public async Task One_person_cannot_book_the_same_slot_twice_even_at_once_and_a_cancelled_place_goes_back()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (stationId, serviceId) = await StationAsync(app, staff, capacity: 5);
        var resident = await PersonAsync(app, Roles.Resident);
        var start = (await FirstSlotTomorrowAsync(resident, stationId)).GetProperty("start").GetDateTimeOffset();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => resident.Client.PostAsJsonAsync("/api/v1/stations/bookings", new { serviceId, start })));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("already booked", (await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        var slot = await FirstSlotTomorrowAsync(resident, stationId);
        Assert.Equal(1, slot.GetProperty("booked").GetInt32());
        Assert.True(slot.GetProperty("bookedByMe").GetBoolean());

        var bookingId = (await responses.Single(r => r.StatusCode == HttpStatusCode.Created).JsonAsync()).GetProperty("id").GetString();
        var other = await PersonAsync(app, Roles.Courier);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.DeleteAsync($"/api/v1/stations/bookings/{bookingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await resident.Client.DeleteAsync($"/api/v1/stations/bookings/{bookingId}")).StatusCode);
        Assert.Equal(0, (await FirstSlotTomorrowAsync(resident, stationId)).GetProperty("booked").GetInt32());
        // Booking again after cancelling is allowed: the unique index covers active bookings only.
        Assert.Equal(HttpStatusCode.Created, (await resident.Client.PostAsJsonAsync("/api/v1/stations/bookings", new { serviceId, start })).StatusCode);
    }

    [Fact]
    public async Task A_time_that_is_not_a_slot_start_is_refused_and_staff_see_the_bookings_masked_in_their_scope_only()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (stationId, serviceId) = await StationAsync(app, staff, capacity: 2);
        var resident = await PersonAsync(app, Roles.Resident);
        var start = (await FirstSlotTomorrowAsync(resident, stationId)).GetProperty("start").GetDateTimeOffset();

        var odd = await resident.Client.PostAsJsonAsync("/api/v1/stations/bookings", new { serviceId, start = start.AddMinutes(10) });
        Assert.Equal(HttpStatusCode.BadRequest, odd.StatusCode);
        var night = await resident.Client.PostAsJsonAsync("/api/v1/stations/bookings", new { serviceId, start = start.AddHours(-2) });
        Assert.Equal(HttpStatusCode.BadRequest, night.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await resident.Client.PostAsJsonAsync("/api/v1/stations/bookings", new { serviceId, start })).StatusCode);
        // Staff hold no booking permission.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Client.PostAsJsonAsync("/api/v1/stations/bookings", new { serviceId, start })).StatusCode);

        var bookings = await staff.Client.GetFromJsonAsync<JsonElement>($"/api/v1/stations/{stationId}/bookings");
        var booking = Assert.Single(bookings.EnumerateArray());
        Assert.Contains("*", booking.GetProperty("booker").GetString(), StringComparison.Ordinal);
        var elsewhere = await PersonAsync(app, Roles.CommunityStaff, OtherCommunity);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Client.GetAsync($"/api/v1/stations/{stationId}/bookings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Client.PostAsJsonAsync($"/api/v1/stations/{stationId}/services",
            new { name = "量血压", category = "elderly-health", slotMinutes = 15, capacityPerSlot = 2 })).StatusCode);
        Assert.Single((await resident.Client.GetFromJsonAsync<JsonElement>("/api/v1/stations/bookings/mine")).EnumerateArray());
    }

    [Fact]
    public async Task A_station_and_its_services_are_on_the_resource_list_with_weekly_places_from_the_opening_hours()
    {
        await using var app = await StartAsync();
        var staff = await PersonAsync(app, Roles.CommunityStaff, Community);
        var (stationId, serviceId) = await StationAsync(app, staff, capacity: 2);
        var resources = await QueryAsync(app, db => db.Resources.AsNoTracking().Where(r => r.ProviderKind == "station" && r.ProviderRef == stationId).ToListAsync());
        Assert.Equal(2, resources.Count);
        var service = resources.Single(r => r.Id == Guid.Parse(serviceId));
        // 12 hours a day in 30-minute slots, 2 places each, 7 days.
        Assert.Equal(24 * 2 * 7, service.CapacityPerWeek);
        Assert.Equal("repairs-haircut", service.Category);

        Assert.Equal(HttpStatusCode.OK, (await staff.Client.PutAsJsonAsync($"/api/v1/stations/{stationId}", new
        {
            name = "康桥红色邻里服务站", regionCode = Community, openingHours = new[] { "Mon-Fri 09:00-12:00" },
        })).StatusCode);
        Assert.Equal(6 * 2 * 5, (await QueryAsync(app, db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(serviceId)))).CapacityPerWeek);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.Client.DeleteAsync($"/api/v1/stations/services/{serviceId}")).StatusCode);
        Assert.Equal(ResourceStatus.Withdrawn, (await QueryAsync(app, db => db.Resources.AsNoTracking().SingleAsync(r => r.Id == Guid.Parse(serviceId)))).Status);
    }
}
