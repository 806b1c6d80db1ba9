using System.Text.Json;
using Linli.Infrastructure.Protection;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Registry.Customers;

/// <summary>
/// A user as the desk or a spreadsheet row gives it. Location by lon/lat (routed to the grid it lies
/// in) or, without coordinates, by a region code (its centre). A contact given masked ("张*明",
/// "138****5678", as an export shows it) keeps the one on record.
/// </summary>
public sealed record CustomerInput(
    string? Number, string? Name, string? CreditCode, string? Type, string? Supply, string? RiskClass,
    string? Address, double? Lon, double? Lat, string? RegionCode,
    string? ContactName, string? ContactPhone,
    CustomerEquipment? Equipment, DateOnly? LastInspectedOn, string? Utility = null);

/// <summary>A checked user, ready to store; contact null means "keep the one on record".</summary>
internal sealed record CheckedCustomer(string Number, string Name, string CreditCode, string Type, string Supply, string RiskClass,
    string Address, double Lon, double Lat, string RegionCode, string? ContactName, string? ContactPhone, string EquipmentJson, DateOnly? LastInspectedOn);

/// <summary>The registry's field rules, written once for the API, the pages and the import (no database reads, so 10,000 rows check fast).</summary>
internal static class CustomerRules
{
    public const int MaxMeters = 50;

    /// <summary>Chinese appliance names stay readable in the column; it is never written into HTML as is.</summary>
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerOptions.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
    public const int MaxAppliances = 200;

    public static (CheckedCustomer? Value, List<(string Field, string Reason)> Errors) Check(CustomerInput input, IRegionLookup regions, DateOnly today)
    {
        var errors = new List<(string, string)>();
        var number = input.Number?.Trim() ?? "";
        if (number.Length is 0 or > 32)
        {
            errors.Add(("number", number.Length == 0 ? "required" : "at most 32 characters"));
        }
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add(("name", name.Length == 0 ? "required" : "at most 200 characters"));
        }
        var credit = PersonalDataFormats.NormaliseCreditCode(input.CreditCode ?? "");
        if (credit.Length == 0)
        {
            errors.Add(("creditCode", "required"));
        }
        else if (!PersonalDataFormats.IsCreditCode(credit))
        {
            errors.Add(("creditCode", credit.Length != 18 ? "a unified social credit code has 18 characters"
                : $"not a valid unified social credit code (the check character should be {PersonalDataFormats.CreditCodeCheck(credit.AsSpan(0, 17))})"));
        }
        var type = Code(input.Type, CustomerTypes.All, "type", errors);
        var supply = Code(input.Supply ?? SupplyKinds.Pipeline, SupplyKinds.All, "supply", errors);
        var risk = Code(input.RiskClass ?? RiskClasses.Medium, RiskClasses.All, "riskClass", errors);
        var address = input.Address?.Trim() ?? "";
        if (address.Length is 0 or > 300)
        {
            errors.Add(("address", address.Length == 0 ? "required" : "at most 300 characters"));
        }
        var (lon, lat, region) = Locate(input, regions, errors);
        var contactName = Contact(input.ContactName, "contactName", 64, errors);
        var contactPhone = Contact(input.ContactPhone, "contactPhone", 32, errors);
        if (contactPhone is not null && !IsPhone(contactPhone))
        {
            errors.Add(("contactPhone", "not a mobile (11 digits) or landline number (0571-88886666)"));
        }
        var equipment = Equipment(input.Equipment, today, errors);
        if (input.LastInspectedOn > today)
        {
            errors.Add(("lastInspectedOn", "lies in the future"));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new CheckedCustomer(number, name, credit, type, supply, risk, address, lon, lat, region!, contactName,
            contactPhone is null ? null : PersonalDataFormats.Normalise(PersonalDataKind.Phone, contactPhone), equipment, input.LastInspectedOn), errors);
    }

    public static bool IsPhone(string value)
    {
        var digits = PersonalDataFormats.Normalise(PersonalDataKind.Phone, value);
        return PersonalDataFormats.IsMobile(value) || (digits.Length is >= 10 and <= 12 && digits[0] == '0' && value.All(c => char.IsAsciiDigit(c) || c is '-' or ' '));
    }

    /// <summary>Stores a checked user's fields; the contact encrypted, with masked copies for display.</summary>
    public static void Apply(UtilityCustomer customer, CheckedCustomer x, PersonalDataProtector protector, long nowMs)
    {
        var changedPlan = customer.Type != x.Type || customer.RiskClass != x.RiskClass || customer.RegionCode != x.RegionCode
            || (x.LastInspectedOn is not null && x.LastInspectedOn != customer.LastInspectedOn);
        customer.Set(x.Name, x.CreditCode, x.Type, x.Address, x.Lon, x.Lat, x.RegionCode, x.Supply, x.RiskClass, x.EquipmentJson, nowMs);
        if (x.ContactName is not null || x.ContactPhone is not null)
        {
            var name = x.ContactName ?? protector.Unprotect(customer.ContactNameProtected) ?? "";
            var phone = x.ContactPhone ?? protector.Unprotect(customer.ContactPhoneProtected) ?? "";
            customer.SetContact(protector.Protect(name)!, PersonalDataFormats.MaskName(name), protector.Protect(phone)!, PersonalDataFormats.MaskPhone(phone), nowMs);
        }
        if (changedPlan)
        {
            // The interval may differ now: the next refresh recomputes the due date.
            customer.SetSchedule(x.LastInspectedOn ?? customer.LastInspectedOn, null, nowMs);
        }
    }

    public static CustomerEquipment ReadEquipment(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CustomerEquipment>(json, JsonSerializerOptions.Web) ?? new CustomerEquipment([], []);
        }
        catch (JsonException)
        {
            return new CustomerEquipment([], []);
        }
    }

    private static string Code(string? value, IReadOnlyList<string> codes, string field, List<(string, string)> errors)
    {
        var text = value?.Trim().ToLowerInvariant() ?? "";
        if (!codes.Contains(text))
        {
            errors.Add((field, text.Length == 0 ? "required" : $"'{value}' is not one of {string.Join(", ", codes)}"));
        }
        return text;
    }

    private static string? Contact(string? value, string field, int max, List<(string, string)> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add((field, "required"));
            return null;
        }
        if (text.Contains('*', StringComparison.Ordinal))
        {
            return null; // masked: keep the one on record (refused below for a new user)
        }
        if (text.Length > max)
        {
            errors.Add((field, $"at most {max} characters"));
        }
        return text;
    }

    private static (double Lon, double Lat, string? Region) Locate(CustomerInput input, IRegionLookup regions, List<(string, string)> errors)
    {
        if (input.Lon is { } lon && input.Lat is { } lat)
        {
            if (!double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
            {
                errors.Add(("lon", "not a WGS 84 longitude/latitude"));
                return (0, 0, null);
            }
            var grid = regions.LocateGridCode(lon, lat);
            if (grid is null)
            {
                errors.Add(("lon", "the location lies outside the city's grids"));
            }
            return (lon, lat, grid);
        }
        if (input.Lon is not null || input.Lat is not null)
        {
            errors.Add((input.Lon is null ? "lon" : "lat", "give both longitude and latitude"));
            return (0, 0, null);
        }
        if (input.RegionCode is { Length: > 0 } code)
        {
            if (regions.PointIn(code.Trim()) is { } point && regions.LocateGridCode(point.Lon, point.Lat) is { } grid)
            {
                return (point.Lon, point.Lat, grid);
            }
            errors.Add(("regionCode", $"no region {code} in the city"));
            return (0, 0, null);
        }
        errors.Add(("lon", "required: the location (lon and lat) or a region code"));
        return (0, 0, null);
    }

    private static string Equipment(CustomerEquipment? equipment, DateOnly today, List<(string, string)> errors)
    {
        var meters = equipment?.Meters ?? [];
        var appliances = equipment?.Appliances ?? [];
        if (meters.Count > MaxMeters)
        {
            errors.Add(("equipment.meters", $"at most {MaxMeters}"));
        }
        if (appliances.Count > MaxAppliances)
        {
            errors.Add(("equipment.appliances", $"at most {MaxAppliances}"));
        }
        if (meters.Any(m => string.IsNullOrWhiteSpace(m.Number) || m.Number.Length > 32))
        {
            errors.Add(("equipment.meters", "every meter needs a number of at most 32 characters"));
        }
        if (appliances.Any(a => string.IsNullOrWhiteSpace(a.Type) || a.Type.Length > 64 || a.HoseType?.Length > 64))
        {
            errors.Add(("equipment.appliances", "every appliance needs a type (at most 64 characters)"));
        }
        if (meters.Any(m => m.InstalledOn > today) || appliances.Any(a => a.InstalledOn > today || a.HoseInstalledOn > today))
        {
            errors.Add(("equipment", "an install date lies in the future"));
        }
        var clean = new CustomerEquipment(
            meters.Select(m => new Meter(m.Number?.Trim() ?? "", m.Type?.Trim(), m.InstalledOn)).ToList(),
            appliances.Select(a => new Appliance(a.Type?.Trim() ?? "", a.InstalledOn, a.HoseType?.Trim(), a.HoseInstalledOn)).ToList());
        return JsonSerializer.Serialize(clean, StoredJson);
    }
}
