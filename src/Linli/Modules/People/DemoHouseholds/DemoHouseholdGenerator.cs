using System.Globalization;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.People.Contracts;
using Linli.Modules.People.Data;

namespace Linli.Modules.People.DemoHouseholds;

/// <summary>A building chosen for demo households, with the grid it lies in.</summary>
internal sealed record DemoBuilding(string Code, string GridCode);

/// <summary>
/// Plausible households for the demo city, the same on every run (fixed seed): about one in eight
/// an elderly person living alone, families with children, elderly couples, a few disabled or low
/// income members, a party member linked to about one in ten, and some recent visits.
/// </summary>
internal sealed class DemoHouseholdGenerator(PersonalDataProtector protector, DateTimeOffset now, int seed = DemoHouseholdGenerator.DefaultSeed)
{
    public const int DefaultSeed = 20_261_129;

    private static readonly string[] Surnames =
        ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁",
         "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "沈", "姚", "蒋", "钱", "方", "俞", "汪", "金"];

    private static readonly string[] Female = ["秀英", "桂英", "玉兰", "春梅", "海燕", "丽华", "芳", "娟", "静", "敏", "丽", "艳", "慧", "婷", "雪梅", "美华", "凤英", "佳怡", "雨涵", "欣怡"];
    private static readonly string[] Male = ["建国", "国强", "志明", "建华", "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "卫东", "德胜", "文杰", "浩然", "子轩", "宇航", "俊杰"];
    private static readonly string[] PhonePrefixes = ["135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "181", "187", "188", "189"];

    private readonly Random _random = new(seed);
    private readonly int _year = now.ToOffset(TimeSpan.FromHours(8)).Year;

    public List<Visit> Visits { get; } = [];

    /// <summary>
    /// Buildings in tree order, the 拱墅区 (330105) district first as the demo accounts are: every grid
    /// of the first community (where grid1 and grid2 work), then one grid per community, until about
    /// <paramref name="budget"/> households (some 40 a building) are placed.
    /// </summary>
    public static List<DemoBuilding> PickBuildings(IRegionLookup regions, int budget)
    {
        var picked = new List<DemoBuilding>();
        var wanted = budget / 40 + 1;
        var top = regions.ChildrenOf(null);
        var districts = top.SelectMany(t => t.Level == "city" ? regions.ChildrenOf(t.Code) : [t])
            .OrderBy(d => d.Code == "330105" ? 0 : 1).ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
        var firstCommunity = true;
        foreach (var district in districts)
        {
            foreach (var community in regions.ChildrenOf(district.Code).SelectMany(s => regions.ChildrenOf(s.Code)))
            {
                var grids = regions.ChildrenOf(community.Code).Where(g => g.Level == "grid").ToList();
                foreach (var grid in firstCommunity ? grids : grids.Take(1))
                {
                    foreach (var child in regions.ChildrenOf(grid.Code))
                    {
                        var buildings = child.Level == "building" ? [child] : regions.ChildrenOf(child.Code).Where(b => b.Level == "building");
                        picked.AddRange(buildings.Select(b => new DemoBuilding(b.Code, grid.Code)));
                    }
                    if (picked.Count >= wanted)
                    {
                        return picked;
                    }
                }
                firstCommunity = false;
            }
        }
        return picked;
    }

    public List<Household> Generate(IReadOnlyList<DemoBuilding> buildings, int budget)
    {
        var households = new List<Household>();
        foreach (var building in buildings)
        {
            var count = Math.Min(_random.Next(24, 61), budget - households.Count);
            if (count <= 0)
            {
                break;
            }
            var floors = _random.Next(6, 19);
            var units = Math.Max(1, (int)Math.Ceiling(count / (floors * 2.0)));
            var flats = Enumerable.Range(1, units)
                .SelectMany(u => Enumerable.Range(1, floors).SelectMany(f => new[] { 1, 2 }.Select(r => $"{u}单元{f}{r:D2}")))
                .ToList();
            foreach (var address in flats.Take(count))
            {
                households.Add(Household(building, address));
            }
        }
        return households;
    }

    private Household Household(DemoBuilding building, string address)
    {
        var at = now.AddDays(-_random.Next(30, 900));
        var h = new Household(Guid.CreateVersion7(at), building.Code, building.GridCode, address, "demo", at);
        var surname = Pick(Surnames);
        var roll = _random.NextDouble();
        var people = new List<(string Name, string Relation, string Gender, int Born, List<string> Tags)>();
        string residence = "permanent";
        if (roll < 0.125)
        {
            // An elderly person living alone: the households visits are for.
            var born = _random.Next(1932, 1952);
            people.Add(Person(surname, "head", born, [CareTags.ElderlyAlone, .. _year - born >= 80 ? new[] { CareTags.Elderly } : []]));
        }
        else if (roll < 0.27)
        {
            var born = _random.Next(1938, 1958);
            var head = Person(surname, "head", born, _year - born >= 80 ? [CareTags.Elderly] : []);
            people.Add(head);
            people.Add(Person(Pick(Surnames), "spouse", born + _random.Next(-3, 4), [], Opposite(head.Gender)));
        }
        else if (roll < 0.6)
        {
            var born = _random.Next(1978, 1994);
            var head = Person(surname, "head", born, []);
            people.Add(head);
            people.Add(Person(Pick(Surnames), "spouse", born + _random.Next(-2, 3), [], Opposite(head.Gender)));
            for (var c = _random.Next(1, 3); c > 0; c--)
            {
                var childBorn = _random.Next(Math.Max(born + 22, _year - 20), _year);
                people.Add(Person(surname, "child", childBorn, _year - childBorn < 14 ? [CareTags.ChildUnder14] : []));
            }
            if (_random.NextDouble() < 0.25)
            {
                var parentBorn = born - _random.Next(25, 32);
                people.Add(Person(surname, "parent", parentBorn, _year - parentBorn >= 80 ? [CareTags.Elderly] : []));
            }
        }
        else
        {
            residence = roll < 0.75 ? "renting" : roll < 0.78 ? "vacant" : "permanent";
            var born = _random.Next(1960, 2002);
            people.Add(Person(surname, residence == "renting" ? "tenant" : "head", born, []));
            for (var more = residence == "vacant" ? 0 : _random.Next(0, 3); more > 0; more--)
            {
                people.Add(Person(Pick(Surnames), "other", _random.Next(1960, 2004), []));
            }
        }
        if (_random.NextDouble() < 0.04)
        {
            people[_random.Next(people.Count)].Tags.Add(CareTags.Disabled);
        }
        var householdTags = new List<string>();
        if (_random.NextDouble() < 0.05)
        {
            householdTags.Add(CareTags.LowIncome);
        }
        var headPerson = people[0];
        h.Describe(address, protector.Protect(headPerson.Name)!, protector.Protect(Phone()), residence == "vacant" ? 0 : people.Count, residence,
            residence == "vacant" ? "房屋空置，业主在外地" : null, at);
        h.Tag(householdTags, at);
        foreach (var p in people)
        {
            var member = new HouseholdMember(Guid.CreateVersion7(at), h.Id);
            // About half the members gave their ID number; children under 14 rarely have it on file.
            var id = _random.NextDouble() < 0.5 && _year - p.Born >= 14 ? ResidentId(p.Born, p.Gender) : null;
            member.Describe(protector.Protect(p.Name)!, protector.Protect(id), id is null ? null : protector.Index(PersonalDataKind.IdNumber, id),
                p.Relation, p.Gender, p.Born, _year - p.Born >= 16 && _random.NextDouble() < 0.6 ? protector.Protect(Phone()) : null);
            member.Tag(CareTags.All.Select(t => t.Code).Where(p.Tags.Contains).ToList(), at);
            h.Members.Add(member);
        }
        if (_random.NextDouble() < 0.1)
        {
            h.LinkPartyMember(protector.Protect(Pick(Surnames) + Pick(_random.NextDouble() < 0.5 ? Male : Female)), protector.Protect(Phone()), null, at);
        }
        var alone = people[0].Tags.Contains(CareTags.ElderlyAlone);
        if (alone || _random.NextDouble() < 0.05)
        {
            AddVisits(h, alone ? _random.Next(1, 4) : 1);
        }
        return h;
    }

    private void AddVisits(Household h, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var at = now.AddDays(-_random.Next(1, 90)).AddHours(-_random.Next(0, 8));
            var (kind, seen, asked) = _random.Next(3) switch
            {
                0 => ("door", "身体状况尚可，屋内整洁，冰箱里有当天的菜", "询问了近期就医和买菜情况，老人希望有人陪同去医院复查"),
                1 => ("phone", "电话接通，精神不错", "确认了上次反映的问题已解决，提醒近期降温注意保暖"),
                _ => ("door", "楼道灯不亮，老人行动不便", "老人提出希望社区食堂能送餐上门"),
            };
            var visit = new Visit(Guid.CreateVersion7(at), h.Id, h.BuildingCode, "demo", "grid1", at.ToUnixTimeMilliseconds(), kind, seen, asked,
                _random.NextDouble() < 0.3 ? "下周回访" : null, at);
            Visits.Add(visit);
            h.Visited(visit.VisitedAtMs, h.UpdatedAt);
        }
    }

    private (string Name, string Relation, string Gender, int Born, List<string> Tags) Person(string surname, string relation, int born, string[] tags,
        string? gender = null)
    {
        gender ??= _random.NextDouble() < 0.5 ? "female" : "male";
        return (surname + Pick(gender == "female" ? Female : Male), relation, gender, born, [.. tags]);
    }

    private static string Opposite(string gender) => gender == "female" ? "male" : "female";

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private string Phone() => Pick(PhonePrefixes) + _random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A resident ID of 拱墅区 with the person's birth date, the sequence's parity by gender, and the GB 11643 check character.</summary>
    private string ResidentId(int born, string gender)
    {
        var date = new DateOnly(born, _random.Next(1, 13), _random.Next(1, 29));
        var sequence = _random.Next(0, 500) * 2 + (gender == "male" ? 1 : 0);
        var first17 = $"330105{date:yyyyMMdd}{sequence:D3}";
        return first17 + Infrastructure.Protection.PersonalDataFormats.ResidentIdCheck(first17);
    }
}
