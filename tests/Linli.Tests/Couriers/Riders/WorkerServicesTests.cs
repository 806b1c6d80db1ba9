using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Access.Contracts;
using static Linli.Tests.Couriers.Riders.RiderKit;

namespace Linli.Tests.Couriers.Riders;

[Trait("Category", "Database")]
public sealed class WorkerServicesTests
{
    private const double Lon = 120.11;
    private const double Lat = 30.32;

    [Fact]
    public async Task Services_near_the_rider_come_nearest_first_and_the_kind_filter_keeps_only_that_kind()
    {
        await using var app = await StartAsync();
        var staff = await AccountAsync(app, Roles.CommunityStaff, Community);
        await PostAsync(staff.Client, "/api/v1/resources", Resource("battery-swap", "远处换电柜", 120.13, 30.32, "discount"));
        await PostAsync(staff.Client, "/api/v1/resources", Resource("rider-meals", "骑手午餐", 120.111, 30.321, "discount"));
        await PostAsync(staff.Client, "/api/v1/resources", Resource("battery-swap", "近处换电柜", 120.112, 30.32, "discount"));
        await PostAsync(staff.Client, "/api/v1/resources", Resource("rider-rest", "太远的驿站", 120.16, 30.32));
        await PostAsync(staff.Client, "/api/v1/resources", Resource("elderly-meals", "老年助餐", 120.1101, 30.3201));
        var rider = await AccountAsync(app, Roles.Courier);

        var all = await rider.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/services?lon={Lon}&lat={Lat}");
        var swaps = await rider.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/services?lon={Lon}&lat={Lat}&radius=5000&kind=battery-swap");
        var wide = await rider.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/services?lon={Lon}&lat={Lat}&radius=6000&kind=rider-rest,rider-meals");

        var items = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["骑手午餐", "近处换电柜", "远处换电柜"], items.Select(i => i.GetProperty("title").GetString()));
        var distances = items.Select(i => i.GetProperty("distanceMeters").GetInt32()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.InRange(distances[^1], 1800, 2000);
        Assert.Equal("discount", items[0].GetProperty("conditions").GetString());
        Assert.Equal("以换代充", items[1].GetProperty("conditionNote").GetString());
        Assert.Equal("e换电", items[1].GetProperty("providerName").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("bookUrl").ValueKind);
        Assert.All(swaps.GetProperty("items").EnumerateArray(), i => Assert.Equal("battery-swap", i.GetProperty("kind").GetString()));
        Assert.Equal(2, swaps.GetProperty("items").GetArrayLength());
        Assert.Equal(["骑手午餐", "太远的驿站"], wide.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

        var map = await rider.Client.GetAsync($"/api/v1/couriers/services.geojson?lon={Lon}&lat={Lat}&kind=battery-swap");
        Assert.Equal("application/geo+json", map.Content.Headers.ContentType?.MediaType);
        var features = (await map.JsonAsync()).GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        Assert.Equal(120.112, features[0].GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 6);
        Assert.Equal("近处换电柜", features[0].GetProperty("properties").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("lat=30.32", "lon")]
    [InlineData("lon=120.11", "lat")]
    [InlineData("lon=121.5&lat=31.2", "lon")]
    [InlineData("lon=120.11&lat=30.32&radius=20001", "radius")]
    [InlineData("lon=120.11&lat=30.32&kind=teleport", "kind")]
    public async Task Missing_or_outside_coordinates_and_bad_filters_are_a_400_naming_the_field(string query, string field)
    {
        await using var app = await StartAsync();
        var rider = await AccountAsync(app, Roles.Courier);

        foreach (var path in new[] { "/api/v1/couriers/services", "/api/v1/couriers/services.geojson" })
        {
            var response = await rider.Client.GetAsync($"{path}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task A_course_found_near_the_rider_is_booked_through_the_station_booking_api()
    {
        await using var app = await StartAsync();
        var staff = await AccountAsync(app, Roles.CommunityStaff, Community);
        var station = await PostAsync(staff.Client, "/api/v1/stations", new
        {
            name = "康桥骑手之家", regionCode = Community, address = "康桥路 1 号", lon = 120.113, lat = 30.321, openingHours = new[] { "daily 14:00-16:00" },
        });
        var stationId = station.GetProperty("id").GetString()!;
        var withCourse = await PostAsync(staff.Client, $"/api/v1/stations/{stationId}/services", new
        {
            name = "急救培训", category = "rider-courses", slotMinutes = 120, capacityPerSlot = 20,
        });
        var serviceId = withCourse.GetProperty("services")[0].GetProperty("id").GetString()!;
        var rider = await AccountAsync(app, Roles.Courier);

        var courses = await rider.Client.GetFromJsonAsync<JsonElement>($"/api/v1/couriers/services?lon={Lon}&lat={Lat}&kind=rider-courses");
        var course = Assert.Single(courses.GetProperty("items").EnumerateArray());
        Assert.Equal(stationId, course.GetProperty("stationId").GetString());
        Assert.Equal(serviceId, course.GetProperty("serviceId").GetString());
        Assert.Equal($"/stations/{stationId}", course.GetProperty("bookUrl").GetString());

        var tomorrow = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(1);
        var slots = await rider.Client.GetFromJsonAsync<JsonElement>($"/api/v1/stations/{stationId}/slots?from={tomorrow:yyyy-MM-dd}&to={tomorrow:yyyy-MM-dd}");
        var slot = Assert.Single(slots.EnumerateArray());
        var booked = await PostAsync(rider.Client, "/api/v1/stations/bookings", new { serviceId, start = slot.GetProperty("start").GetDateTimeOffset() });
        Assert.Equal("急救培训", booked.GetProperty("serviceName").GetString());
        var mine = await rider.Client.GetFromJsonAsync<JsonElement>("/api/v1/stations/bookings/mine");
        Assert.Equal(serviceId, Assert.Single(mine.EnumerateArray()).GetProperty("serviceId").GetString());
    }

    [Fact]
    public async Task The_services_page_lists_what_is_near_and_links_a_course_to_its_station()
    {
        await using var app = await StartAsync();
        var staff = await AccountAsync(app, Roles.CommunityStaff, Community);
        await PostAsync(staff.Client, "/api/v1/resources", Resource("battery-swap", "近处换电柜", 120.112, 30.32, "discount"));
        var rider = await AccountAsync(app, Roles.Courier);

        var html = System.Net.WebUtility.HtmlDecode(await rider.Client.GetStringAsync($"/rider/services?lon={Lon}&lat={Lat}"));
        var anonymous = await app.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/rider/services");

        Assert.Contains("近处换电柜", html, StringComparison.Ordinal);
        Assert.Contains("data-located=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("js/rider-services.js", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
