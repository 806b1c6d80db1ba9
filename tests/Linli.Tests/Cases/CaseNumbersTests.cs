using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.ReportCase;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Cases;

/// <summary>A batch of reports takes its case numbers for every district and day in one upsert.</summary>
[Trait("Category", "Database")]
public sealed class CaseNumbersTests
{
    [Fact]
    public async Task Numbers_for_several_districts_run_on_from_each_districts_own_last_number()
    {
        await using var app = await TestApp.StartAsync();
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<LinliDb>>();
        async Task<Dictionary<(string District, string Day), int>> TakeAsync(params (string, string, int)[] wanted)
        {
            await using var db = await factory.CreateDbContextAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var first = await CaseNumbers.TakeAsync(db, wanted);
            await transaction.CommitAsync();
            return first;
        }

        var one = await TakeAsync(("330106", "20261129", 3), ("330105", "20261129", 2));
        Assert.Equal(1, one[("330106", "20261129")]);
        Assert.Equal(1, one[("330105", "20261129")]);

        // The same districts again, another day of one of them, and a district not seen before.
        var two = await TakeAsync(("330105", "20261129", 4), ("330105", "20261130", 1), ("330106", "20261129", 1), ("330108", "20261129", 5));
        Assert.Equal(3, two[("330105", "20261129")]);
        Assert.Equal(1, two[("330105", "20261130")]);
        Assert.Equal(4, two[("330106", "20261129")]);
        Assert.Equal(1, two[("330108", "20261129")]);

        Assert.Empty(await TakeAsync());
        Assert.Equal(7, (await TakeAsync(("330105", "20261129", 1)))[("330105", "20261129")]);
    }
}
