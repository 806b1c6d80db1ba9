using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Cases;

/// <summary>
/// Region filters on big tables are code ranges, not LIKE, so that an index serves them: the range
/// must select exactly the codes that start with the prefix, on both databases and their collations.
/// </summary>
[Trait("Category", "Database")]
public sealed class CodePrefixQueryTests
{
    [Theory]
    [InlineData("330105", "330106")]
    [InlineData("3301059", "330106")]
    [InlineData("3301", "3302")]
    [InlineData("39", "4")]
    [InlineData("999", null)]
    [InlineData("330105001001001B", null)]
    public void The_next_prefix_bounds_every_code_under_the_prefix(string prefix, string? next) =>
        Assert.Equal(next, CodePrefixQueries.NextPrefix(prefix));

    [Fact]
    public async Task The_range_selects_exactly_the_codes_that_start_with_the_prefix()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        string[] codes =
        [
            "330105", "330105001", "330105001001001", "3301059", "330105999999999", "330106", "330106001", "33010", "3301",
            "330104999", "3301050", "9", "99", "999001", "330105001001001B001", "330105001001001C002", "4",
        ];
        db.AppSettings.AddRange(codes.Select(c => new AppSetting { Key = "code:" + c, Value = c }));
        await db.SaveChangesAsync();
        var ours = db.AppSettings.AsNoTracking().Where(s => s.Key.StartsWith("code:"));
        foreach (var prefix in new[] { "330105", "3301059", "3301", "330105001001001", "99", "999", "330105001001001B", "" })
        {
            var found = await ours.WhereCodeStartsWith(s => s.Value, prefix).Select(s => s.Value).ToListAsync();
            Assert.Equal(codes.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task A_digit_prefix_is_sent_as_a_parameterised_range_and_other_prefixes_as_like()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>().CreateDbContextAsync();
        var text = db.Cases.WhereCodeStartsWith(c => c.GridCode, "330105").ToQueryString();
        // ToQueryString declares the parameters first (".param set" on SQLite, "-- @p=" on PostgreSQL).
        var range = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal)));
        Assert.Contains(">=", range);
        Assert.Contains("<", range);
        Assert.DoesNotContain("LIKE", range, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'330105'", range); // a parameter, not a literal: one plan for every region
        Assert.Contains("330106", text);
        var like = db.Cases.WhereCodeStartsWith(c => c.GridCode, "999").ToQueryString();
        Assert.True(like.Contains("LIKE", StringComparison.OrdinalIgnoreCase) || like.Contains("substr", StringComparison.OrdinalIgnoreCase)
            || like.Contains("STARTS_WITH", StringComparison.OrdinalIgnoreCase), like);
    }
}
