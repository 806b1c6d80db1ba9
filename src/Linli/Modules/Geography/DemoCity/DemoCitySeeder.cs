using Linli.Infrastructure.Persistence;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Geography.DemoCity;

/// <summary>
/// Fills a new, empty database with what <c>Linli:DemoCity</c> asks for: <c>demo</c> (default),
/// <c>city</c> or <c>none</c>. A database that already holds regions is never touched.
/// </summary>
internal sealed class DemoCitySeeder(
    IDbContextFactory<LinliDb> dbFactory,
    IConfiguration configuration,
    TimeProvider clock,
    Infrastructure.Protection.PersonalDataProtector protector,
    ILogger<DemoCitySeeder> logger)
{
    public static DemoScale? ParseSetting(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "demo" => DemoScale.Demo,
        "city" => DemoScale.City,
        "none" => null,
        _ => throw new InvalidOperationException($"Linli:DemoCity must be demo, city or none, not '{value}'."),
    };

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (ParseSetting(configuration["Linli:DemoCity"]) is not { } scale)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Regions.AnyAsync(ct))
        {
            return;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var generator = new DemoCityGenerator(scale);
        var parties = new List<PartyOrganisation>();
        var party = new PartyGenerator(DemoCityGenerator.DefaultSeed, name => protector.Protect(name)!);
        var count = 0;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await RegionWriter.InsertAsync(db, generator.Generate().Select(draft =>
            {
                count++;
                if (party.For(draft) is { } organisation)
                {
                    parties.Add(organisation);
                }
                return new Region(draft.Code, draft.Name, draft.Level, draft.ParentCode, draft.Geometry, draft.Households, now);
            }), ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var chunk in parties.Chunk(1_000))
            {
                db.PartyOrganisations.AddRange(chunk);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await RegionWriter.AdvanceVersionAsync(db, ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            // Another node seeded the same empty database at the same moment; its city stands.
            logger.LogInformation(e, "Demo city already being seeded by another node");
            return;
        }
        logger.LogInformation("Demo city ({Scale}) seeded: {Count} regions, {Parties} party organisations in {Elapsed} ms",
            scale, count, parties.Count, started.ElapsedMilliseconds);
    }
}

/// <summary>The party structure of the demo city: a organisation per community, a branch per grid, a group for the first buildings.</summary>
internal sealed class PartyGenerator(int seed, Func<string, string> protect)
{
    private readonly Random _random = new(seed);
    private string _lastGrid = "";
    private int _buildingsInGrid;

    public PartyOrganisation? For(RegionDraft draft)
    {
        if (draft.Level == RegionLevel.Building)
        {
            _buildingsInGrid = draft.ParentCode == _lastGrid ? _buildingsInGrid + 1 : 1;
            _lastGrid = draft.ParentCode ?? "";
            if (_buildingsInGrid > 2)
            {
                return null;
            }
        }
        if (PartyOrganisation.KindFor(draft.Level) is not { } kind)
        {
            return null;
        }
        var name = kind switch
        {
            PartyOrganisationKind.CommunityOrganisation => $"{draft.Name}党委",
            PartyOrganisationKind.GridBranch => $"{draft.Name}网格党支部",
            _ => $"{draft.Name}楼栋党小组",
        };
        var organisation = new PartyOrganisation(draft.Code, kind, name);
        organisation.AddMember(protect(PersonName()), PartyRole.Secretary);
        for (var i = _random.Next(2, 5); i > 0; i--)
        {
            organisation.AddMember(protect(PersonName()), PartyRole.Member);
        }
        return organisation;
    }

    private string PersonName() =>
        ChineseNames.Surnames[_random.Next(ChineseNames.Surnames.Length)] + ChineseNames.GivenNames[_random.Next(ChineseNames.GivenNames.Length)];
}
