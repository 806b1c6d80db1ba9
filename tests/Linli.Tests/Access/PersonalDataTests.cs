using System.Net.Http.Json;
using System.Text.Json;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Bootstrap;
using Linli.Modules.Geography.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Access;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("33010519850101003X", true)]
    [InlineData("33010519850101003x", true)]
    [InlineData("330105198501010011", false)]
    [InlineData("33010519851301001X", false)]
    [InlineData("3301051985010100", false)]
    public void Resident_ids_are_checked_by_the_gb_11643_check_character(string id, bool valid) =>
        Assert.Equal(valid, PersonalDataFormats.IsResidentId(id));

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("+86 138-1234-5678", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    public void Mobile_numbers_are_eleven_digits_starting_13_to_19(string phone, bool valid) =>
        Assert.Equal(valid, PersonalDataFormats.IsMobile(phone));

    [Fact]
    public void Masks_follow_the_usual_chinese_forms()
    {
        Assert.Equal("张*明", PersonalDataFormats.MaskName("张小明"));
        Assert.Equal("李*", PersonalDataFormats.MaskName("李四"));
        Assert.Equal("欧**锋", PersonalDataFormats.MaskName("欧阳锋锋"[..3] + "锋"));
        Assert.Equal("138****5678", PersonalDataFormats.MaskPhone("13812345678"));
        Assert.Equal("330105********1234", PersonalDataFormats.MaskIdNumber("330105198501011234"));
    }

    [Fact]
    [Trait("Category", "Database")]
    public async Task A_copy_of_the_database_holds_no_plaintext_phone_id_number_or_name_of_any_seeded_person()
    {
        await using var app = await TestApp.StartAsync(demoCity: "demo");
        var regions = app.Factory.Services.GetRequiredService<IRegionLookup>();
        var people = DemoAccounts.Plan(regions);
        // Wait for the demo accounts, which are created once the demo city is loaded.
        for (var i = 0; i < 200 && (await app.GetJsonAsync("/api/v1/users?role=grid-worker")).GetArrayLength() == 0; i++)
        {
            await Task.Delay(100);
        }
        var found = await app.GetJsonAsync($"/api/v1/users?phone={people[0].Phone}");
        Assert.Equal(people[0].Username, Assert.Single(found.EnumerateArray()).GetProperty("username").GetString());

        var dump = await DatabaseDump.ReadAsync(app.Database);

        Assert.True(dump.Length > 100_000, "the dump holds the database");
        Assert.Contains("330105", dump);
        foreach (var person in people)
        {
            Assert.DoesNotContain(person.Phone, dump);
            Assert.DoesNotContain(person.IdNumber, dump);
            Assert.DoesNotContain(person.DisplayName, dump);
        }
    }
}
