using System.Globalization;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Protection;
using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Couriers.Registration;

/// <summary>What a rider fills in to apply for the pass (and, without an account, to open one).</summary>
public sealed record CourierApplicationRequest(
    string? Phone,
    string? Code,
    string? Password,
    string? Username,
    string? Name,
    string? IdNumber,
    string? Platform,
    string? Employer,
    string? Team,
    string? Vehicle,
    string? VehiclePlate,
    string? RegionCode,
    string? WorkStartedOn,
    decimal? OnTimeRatePercent,
    int? AtFaultAccidents,
    int? SecurityComplaints,
    bool? TrainingDone,
    bool? Consent);

/// <summary>The facts of the rider's work once checked: what a rejected rider may correct.</summary>
internal sealed record CheckedWork(
    Platform Platform, string Employer, string Team, string Vehicle, string? VehiclePlate,
    string RegionCode, DateOnly WorkStartedOn, decimal OnTimeRatePercent, int AtFaultAccidents, int SecurityComplaints, bool TrainingDone);

/// <summary>The application's fields once checked.</summary>
internal sealed record CheckedApplication(string Phone, string Name, string IdNumber, CheckedWork Work);

/// <summary>Field checks for an application, all collected so the form can show every problem at once.</summary>
internal static class CourierApplicationRules
{
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Vehicles = new Dictionary<string, (string, string)>
    {
        ["electric-bike"] = ("电动自行车", "electric bike"),
        ["motorcycle"] = ("摩托车", "motorcycle"),
        ["tricycle"] = ("三轮车", "tricycle"),
        ["van"] = ("厢式货车", "van"),
        ["car"] = ("小汽车", "car"),
        ["bicycle"] = ("自行车", "bicycle"),
        ["on-foot"] = ("步行", "on foot"),
    };

    /// <summary>The youngest age at which someone may be employed (Labour Law art. 15).</summary>
    private const int MinimumAge = 16;

    public static CheckedApplication Check(CourierApplicationRequest r, IRegionLookup regions, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string reason) => errors[field] = [reason];

        if (string.IsNullOrWhiteSpace(r.Phone) || !PersonalDataFormats.IsMobile(r.Phone)) Fail("phone", "must be an 11-digit mainland mobile number such as 13812345678");
        var name = r.Name?.Trim() ?? "";
        if (name.Length is < 2 or > 30) Fail("name", "2 to 30 characters, as on the resident ID card");
        var idNumber = r.IdNumber?.Trim().ToUpperInvariant() ?? "";
        if (!PersonalDataFormats.IsResidentId(idNumber))
        {
            Fail("idNumber", "must be an 18-character resident ID number (GB 11643) with a valid date and check character");
        }
        else if (BirthDate(idNumber) is { } born && born.AddYears(MinimumAge) > today)
        {
            Fail("idNumber", $"the holder must be at least {MinimumAge} years old");
        }
        var work = CheckWork(r, regions, today, errors);
        if (r.Consent != true) Fail("consent", "you must agree that Linli keeps your data for the pass and shows your masked name to guards");
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        return new CheckedApplication(PersonalDataFormats.Normalise(PersonalDataKind.Phone, r.Phone!), name, idNumber, work!);
    }

    /// <summary>Only the work facts, for a rejected rider correcting them (the proven phone and ID stay).</summary>
    public static CheckedWork CheckWork(CourierApplicationRequest r, IRegionLookup regions, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var work = CheckWork(r, regions, today, errors);
        return errors.Count > 0 ? throw new RequestValidationException(errors) : work!;
    }

    private static CheckedWork? CheckWork(CourierApplicationRequest r, IRegionLookup regions, DateOnly today, Dictionary<string, string[]> errors)
    {
        void Fail(string field, string reason) => errors[field] = [reason];
        var platform = Platforms.Find(r.Platform);
        if (platform is null) Fail("platform", $"must be one of {Platforms.CodesForHelp} (or its Chinese name)");
        var employer = r.Employer?.Trim() ?? "";
        if (employer.Length is < 2 or > 100) Fail("employer", "the employing company or agent, 2 to 100 characters");
        var team = r.Team?.Trim() ?? "";
        if (team.Length is < 2 or > 100) Fail("team", "the station or team, 2 to 100 characters");
        var vehicle = r.Vehicle?.Trim().ToLowerInvariant() ?? "";
        if (!Vehicles.ContainsKey(vehicle)) Fail("vehicle", $"must be one of {string.Join(", ", Vehicles.Keys)}");
        var plate = string.IsNullOrWhiteSpace(r.VehiclePlate) ? null : r.VehiclePlate.Trim().ToUpperInvariant();
        if (plate is { Length: > 16 }) Fail("vehiclePlate", "at most 16 characters");
        var region = r.RegionCode?.Trim() ?? "";
        var path = region.Length == 0 ? [] : regions.PathTo(region);
        if (path.Count == 0 || path[^1].Level is not ("street" or "district"))
        {
            Fail("regionCode", "must be the code of the street (or district) where you mostly work");
        }
        DateOnly started = default;
        if (!DateOnly.TryParseExact(r.WorkStartedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out started))
        {
            Fail("workStartedOn", "the date you started this work, as yyyy-MM-dd");
        }
        else if (started > today || started < new DateOnly(1990, 1, 1))
        {
            Fail("workStartedOn", "must be a past date");
        }
        if (r.OnTimeRatePercent is not { } rate || rate < 0 || rate > 100) Fail("onTimeRatePercent", "your platform's on-time rate, 0 to 100");
        if (r.AtFaultAccidents is not ({ } accidents and >= 0 and <= 100)) Fail("atFaultAccidents", "the number of at-fault accidents, 0 or more");
        if (r.SecurityComplaints is not ({ } complaints and >= 0 and <= 100)) Fail("securityComplaints", "the number of public-security complaints, 0 or more");
        if (r.TrainingDone is null) Fail("trainingDone", "say whether you finished the platform's safety training");
        return errors.Keys.Any(WorkFields.Contains) ? null
            : new CheckedWork(platform!, employer, team, vehicle, plate, region, started, r.OnTimeRatePercent!.Value, r.AtFaultAccidents!.Value,
                r.SecurityComplaints!.Value, r.TrainingDone!.Value);
    }

    private static readonly HashSet<string> WorkFields =
        ["platform", "employer", "team", "vehicle", "vehiclePlate", "regionCode", "workStartedOn", "onTimeRatePercent", "atFaultAccidents", "securityComplaints", "trainingDone"];

    private static DateOnly? BirthDate(string idNumber) =>
        DateOnly.TryParseExact(idNumber.Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) ? born : null;
}
