using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Registry.Customers;

/// <summary>A user in a list: the contact masked.</summary>
public sealed record CustomerSummary(Guid Id, string Utility, string Number, string Name, string CreditCode, string Type, string TypeName,
    string Supply, string RiskClass, string Address, string RegionCode, double Lon, double Lat, string ContactName, string ContactPhone,
    bool Active, DateOnly? LastInspectedOn, DateOnly? NextDueOn, bool Overdue);

public sealed record CustomerPage(IReadOnlyList<CustomerSummary> Items, int Total, int Page, int PageSize);

public sealed record InspectionBrief(Guid Id, string Kind, string Status, DateOnly DueOn, DateOnly? PlannedOn, string? Inspector, string? Outcome);

public sealed record HistoryEntry(string Action, string Actor, string? Note, DateTimeOffset At);

/// <summary>One user: equipment, masked contact, due dates, its inspections, open hazards, history.</summary>
public sealed record CustomerDetail(CustomerSummary Customer, IReadOnlyList<string> RegionPath, CustomerEquipment Equipment, int IntervalMonths,
    int OpenInspections, int OpenHazards, IReadOnlyList<InspectionBrief> Inspections, IReadOnlyList<HistoryEntry> History, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The full contact, for the utility's own staff; every reveal is audited.</summary>
public sealed record ContactView(string Name, string Phone);

internal static class CustomerViews
{
    public static CustomerSummary Summary(UtilityCustomer c, DateOnly today) => new(c.Id, c.Utility, c.Number, c.Name, c.CreditCode, c.Type,
        CustomerTypes.Chinese(c.Type), c.Supply, c.RiskClass, c.Address, c.RegionCode, c.Lon, c.Lat, c.ContactNameMasked, c.ContactPhoneMasked,
        c.Active, c.LastInspectedOn, c.NextDueOn, c.Active && c.NextDueOn < today);

    public static string SupplyName(string supply) => supply switch
    {
        SupplyKinds.Pipeline => "管道燃气",
        SupplyKinds.Lpg => "液化石油气",
        _ => supply,
    };

    public static string RiskName(string risk) => risk switch
    {
        RiskClasses.High => "高",
        RiskClasses.Medium => "中",
        RiskClasses.Low => "低",
        _ => risk,
    };
}
