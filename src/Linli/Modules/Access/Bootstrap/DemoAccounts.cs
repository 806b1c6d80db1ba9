using Linli.Modules.Access.Contracts;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Access.Bootstrap;

/// <summary>One demo account: who, in which role and where.</summary>
public sealed record DemoAccount(string Username, string Role, string? Scope, string? Department, string DisplayName, string Phone, string IdNumber);

/// <summary>
/// Demo accounts placed in the demo city: officers of 拱墅区 and 上城区, the first street, community
/// and grids of 拱墅区, two departments, and one of each public role. Phones are fictitious but valid.
/// </summary>
internal static class DemoAccounts
{
    public static List<DemoAccount> Plan(IRegionLookup regions)
    {
        var top = regions.ChildrenOf(null).FirstOrDefault();
        var districts = top is null ? [] : top.Level == "city" ? regions.ChildrenOf(top.Code) : [top];
        var district = districts.FirstOrDefault(d => d.Code == "330105") ?? districts.FirstOrDefault();
        var second = districts.FirstOrDefault(d => d.Code == "330102") ?? districts.Skip(1).FirstOrDefault();
        var street = district is null ? null : regions.ChildrenOf(district.Code).FirstOrDefault();
        var community = street is null ? null : regions.ChildrenOf(street.Code).FirstOrDefault();
        var grids = community is null ? [] : regions.ChildrenOf(community.Code).Take(2).ToList();

        var plan = new List<DemoAccount>();
        void Add(string username, string role, string? scope, string? department, string name) =>
            plan.Add(new DemoAccount(username, role, scope, department, name, $"139{57100000 + plan.Count * 1733:D8}",
                ResidentId($"3301051985{(plan.Count % 12) + 1:D2}{(plan.Count % 28) + 1:D2}{plan.Count + 101:D3}")));

        if (district is not null) Add("district1", Roles.DistrictOfficer, district.Code, null, "王建国");
        if (second is not null) Add("district2", Roles.DistrictOfficer, second.Code, null, "李春梅");
        if (street is not null) Add("street1", Roles.StreetOfficer, street.Code, null, "张志明");
        if (community is not null) Add("community1", Roles.CommunityStaff, community.Code, null, "陈丽华");
        for (var i = 0; i < grids.Count; i++)
        {
            Add($"grid{i + 1}", Roles.GridWorker, grids[i].Code, null, i == 0 ? "刘海燕" : "周晓东");
        }
        Add("dept-cg", Roles.DepartmentHandler, null, "CG", "赵国强");
        Add("dept-gas", Roles.DepartmentHandler, null, "GAS", "孙玉兰");
        // Three gas inspectors, so that the dispatcher's rounds have someone to balance between.
        Add("inspector1", Roles.Inspector, null, "GAS", "吴文杰");
        Add("inspector2", Roles.Inspector, null, "GAS", "郑晓燕");
        Add("inspector3", Roles.Inspector, null, "GAS", "冯志刚");
        // The expressway operator's control room, the expressway police's dispatch and two road crew members.
        Add("dept-gs", Roles.DepartmentHandler, null, "GS", "钱志远");
        Add("dept-jj", Roles.DepartmentHandler, null, "JJ", "蒋伟");
        Add("roadcrew1", Roles.Inspector, null, "GS", "沈建平");
        Add("roadcrew2", Roles.Inspector, null, "GS", "韩晓军");
        Add("courier1", Roles.Courier, null, null, "马超");
        Add("resident1", Roles.Resident, null, null, "胡秀英");
        Add("merchant1", Roles.Merchant, null, null, "郭建华");
        Add("gate1", Roles.Gatekeeper, null, null, "何平");
        return plan;
    }

    /// <summary>The 17 digits with their GB 11643 check character.</summary>
    public static string ResidentId(string first17) => first17 + Infrastructure.Protection.PersonalDataFormats.ResidentIdCheck(first17);
}
