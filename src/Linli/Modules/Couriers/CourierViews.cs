using Linli.Modules.Couriers.Contracts;
using Linli.Modules.Couriers.Data;
using Linli.Modules.Couriers.Registration;

namespace Linli.Modules.Couriers;

public sealed record PassView(Guid Id, string Number, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, bool Revoked, string? RevokedReason);

/// <summary>A courier as officers and the rider see them: personal data masked.</summary>
public sealed record CourierView(
    Guid Id,
    string Status,
    string? StatusReason,
    string MaskedName,
    string MaskedPhone,
    string Platform,
    string PlatformName,
    string Employer,
    string Team,
    string Vehicle,
    string? VehiclePlate,
    string RegionCode,
    string WorkStartedOn,
    decimal OnTimeRatePercent,
    int AtFaultAccidents,
    int SecurityComplaints,
    bool TrainingDone,
    string? PhotoUrl,
    bool Eligible,
    IReadOnlyList<EligibilityCheck> Eligibility,
    PassView? Pass,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);

public sealed record CourierEventView(DateTimeOffset At, string Actor, string Action, string? Note);

public sealed record CourierDetail(CourierView Courier, IReadOnlyList<CourierEventView> History, IReadOnlyList<PassView> Passes, int OpenComplaints);

internal static class CourierViews
{
    /// <summary>Dates, opening hours and eligibility are reckoned in China Standard Time.</summary>
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static DateTimeOffset At(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(ChinaTime);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime).DateTime);

    public static string PhotoUrl(Guid courierId) => $"/api/v1/couriers/{courierId}/photo";

    public static PassView Pass(CourierPass p) =>
        new(p.Id, p.Number, At(p.IssuedAtMs), At(p.ExpiresAtMs), p.IsRevoked, p.RevokedReason);

    public static CourierView Of(Courier c, CourierPass? pass, DateOnly today)
    {
        var checks = Registration.Eligibility.Evaluate(c, today);
        return new CourierView(c.Id, Status(c.Status), c.StatusReason, c.NameMasked, c.PhoneMasked, c.Platform,
            Platforms.Find(c.Platform)?.NameZh ?? c.Platform, c.Employer, c.Team, c.Vehicle, c.VehiclePlate, c.RegionCode,
            c.WorkStartedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.OnTimeRatePercent, c.AtFaultAccidents,
            c.SecurityComplaints, c.TrainingDone, c.PhotoPath is null ? null : PhotoUrl(c.Id), Registration.Eligibility.AllPass(checks), checks,
            pass is null ? null : Pass(pass), At(c.CreatedAtMs), c.DecidedAtMs is { } d ? At(d) : null);
    }

    public static string Status(CourierStatus status) => status.ToString().ToLowerInvariant();

    public static CourierEventView Event(CourierEvent e) => new(At(e.AtMs), e.Actor, e.Action, e.Note);
}
