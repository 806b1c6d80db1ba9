using Linli.Infrastructure.Spreadsheets;
using Linli.Modules.Lists.Contracts;
using Linli.Modules.Lists.Demands;
using Linli.Modules.Lists.RecordResource;
using Linli.Modules.People.Contracts;

namespace Linli.Modules.Lists.Spreadsheets;

/// <summary>The two lists that travel as spreadsheets. Keys are the API's field names, so a row's errors name the same fields as the API's.</summary>
internal static class SheetLayouts
{
    public static SheetLayout Demands { get; } = new("demands", "需求清单", [
        new("channel", "来源渠道", true, "visit", "visit 入户走访 / self 居民自主提出 / reception 接待日 / hotline 热线 / hotline-topic 12345高频诉求", "how the need came in"),
        new("regionCode", "区域编码", true, "330105001001001", "网格或楼栋编码", "grid or building code"),
        new("requesterName", "求助人", false, "王秀英", "可空，加密保存", "optional, stored encrypted"),
        new("requesterPhone", "联系电话", false, "13900001234", "可空，加密保存", "optional, stored encrypted"),
        new("category", "需求类别", true, "elderly-meals", "类别编码或中文名，见“说明”", "category code or Chinese name, see the instructions sheet"),
        new("description", "需求描述", true, "独居老人，午餐需要送餐上门", "", ""),
        new("quantity", "每周数量", false, "5", "整数，默认 1", "whole number per week, default 1"),
        new("urgency", "紧急程度", false, "normal", "low 一般 / normal 较急 / high 紧急 / urgent 特急，默认 normal", "default normal"),
        new("timeWindows", "时间段", false, "周一至周五 11:00-12:00", "多个用分号隔开；空表示任何时间", "several separated by ';', empty means any time"),
        new("careTags", "关怀标签", false, "elderly-alone", "多个用逗号隔开；敏感信息，须征得同意", "comma-separated; sensitive, needs consent"),
        new("careTagsConsent", "已征得同意", false, "是", "是/否", "yes/no"),
    ], ["id", "status", "createdAt"], [
        .. NeedCategories.All.Select(c => new SheetValue("category", c.Code, c.Chinese, c.English)),
        .. DemandRules.Channels.Select(c => new SheetValue("channel", c.Code, c.Chinese, c.English)),
        .. DemandRules.Urgencies.Select(c => new SheetValue("urgency", c.Code, c.Chinese, c.English)),
        .. CareTags.All.Select(c => new SheetValue("careTags", c.Code, c.Chinese, c.English)),
    ]);

    public static SheetLayout Resources { get; } = new("resources", "资源清单", [
        new("providerKind", "提供方类型", true, "merchant", "merchant 爱心商家 / unit 共建单位 / volunteer 志愿者 / party-member 在职党员 / station 服务站", "who gives it"),
        new("providerName", "提供方", true, "邻里食堂", "", ""),
        new("category", "资源类别", true, "elderly-meals", "类别编码或中文名，见“说明”", "category code or Chinese name"),
        new("title", "资源名称", true, "老年助餐 午餐", "", ""),
        new("capacityPerWeek", "每周容量", true, "30", "整数", "whole number per week"),
        new("availability", "服务时段", false, "周一至周五 11:00-12:30", "多个用分号隔开；空表示任何时间", "several separated by ';', empty means any time"),
        new("lon", "经度", false, "120.17", "服务半径的圆心（WGS 84）", "centre of the service circle"),
        new("lat", "纬度", false, "30.28", "", ""),
        new("radiusMeters", "服务半径米", false, "1500", "与经纬度一起填写", "with lon/lat"),
        new("serviceRegions", "服务区域编码", false, "", "或填区域编码，多个用逗号隔开", "or region codes, comma-separated"),
        new("conditions", "服务条件", true, "discount", "free 免费 / discount 优惠 / points 积分兑换", ""),
        new("conditionNote", "条件说明", false, "60岁以上老人8折", "", ""),
        new("contactPhone", "联系电话", false, "0571-88886666", "加密保存", "stored encrypted"),
        new("regionCode", "所属区域编码", true, "330105001001", "登记该资源的社区或街道", "the community or street keeping the entry"),
    ], ["id", "status", "createdAt"], [
        .. NeedCategories.All.Select(c => new SheetValue("category", c.Code, c.Chinese, c.English)),
        .. ResourceRules.ProviderKinds.Select(c => new SheetValue("providerKind", c.Code, c.Chinese, c.English)),
        .. ResourceRules.Conditions.Select(c => new SheetValue("conditions", c.Code, c.Chinese, c.English)),
    ]);

    public static SheetLayout? ForKind(string? kind) => kind switch
    {
        "demands" => Demands,
        "resources" => Resources,
        _ => null,
    };
}
