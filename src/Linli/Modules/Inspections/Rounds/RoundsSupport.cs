using System.Globalization;
using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Inspections.Rounds;

/// <summary>
/// Settings of round planning: the daily capacity per inspector (Linli:Inspections:Rounds:Capacity,
/// default 12), how far ahead visits not yet due may fill a day (Linli:Inspections:Rounds:LookaheadDays,
/// default 7), and where each utility's inspectors start (Linli:Inspections:Depots:GAS = "lon,lat";
/// default a point in the demo city's centre).
/// </summary>
internal sealed class RoundSettings(IConfiguration configuration)
{
    public static readonly (double Lon, double Lat) DefaultDepot = (120.165, 30.275);

    public int Capacity => Math.Clamp(configuration.GetValue("Linli:Inspections:Rounds:Capacity", 12), 1, 100);

    public int LookaheadDays => Math.Clamp(configuration.GetValue("Linli:Inspections:Rounds:LookaheadDays", 7), 0, 60);

    public (double Lon, double Lat) Depot(string utility)
    {
        var text = configuration[$"Linli:Inspections:Depots:{utility}"];
        var parts = text?.Split(',', StringSplitOptions.TrimEntries);
        return parts is [var lon, var lat]
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? (x, y) : DefaultDepot;
    }
}

internal static class RoundsSupport
{
    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <summary>The utility's working day (China time), whatever the server's zone.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime).DateTime);

    public static long Now(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "?";

    public static DateOnly NotPast(DateOnly? date, TimeProvider clock, string field = "date")
    {
        var today = Today(clock);
        var day = date ?? today;
        return day < today ? throw new RequestValidationException(field, $"{day:yyyy-MM-dd} is in the past; plan today ({today:yyyy-MM-dd}) or later") : day;
    }

    /// <summary>
    /// The utility's inspectors by user name; names asked for are checked one by one, so the
    /// dispatcher learns whether a name is unknown or belongs to someone outside the utility.
    /// </summary>
    public static async Task<IReadOnlyList<string>> InspectorsAsync(IStaffDirectory staff, IAccountDirectory accounts, string utility,
        IReadOnlyList<string>? asked, string field, CancellationToken ct)
    {
        var all = await staff.UserNamesInDepartmentAsync(Roles.Inspector, utility, ct);
        if (asked is null || asked.Count == 0)
        {
            return all;
        }
        var chosen = new List<string>();
        foreach (var raw in asked)
        {
            var name = raw?.Trim() ?? "";
            if (all.Contains(name, StringComparer.Ordinal))
            {
                if (!chosen.Contains(name, StringComparer.Ordinal)) chosen.Add(name);
                continue;
            }
            throw await accounts.ResolveAsync(name, ct) is null
                ? new RequestValidationException(field, $"no account is called '{name}'")
                : new RequestValidationException(field, $"'{name}' is not an inspector of {utility}");
        }
        return chosen;
    }
}
