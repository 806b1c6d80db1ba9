using Linli.Modules.Couriers.Data;

namespace Linli.Modules.Couriers.Sites;

/// <summary>The site's rules for a rider: closed sites, platforms not let in, hours. Null when the rider may enter.</summary>
internal static class SitePolicy
{
    public static string? Refusal(Site site, string platform, DateTimeOffset now)
    {
        if (site.Closed) return "site-unknown";
        if (site.PlatformList.Count > 0 && !site.PlatformList.Contains(platform, StringComparer.OrdinalIgnoreCase)) return "platform-not-allowed";
        return IsOpen(site.OpenFromMinute, site.OpenToMinute, now) ? null : "site-closed";
    }

    /// <summary>Whether the China-time minute of <paramref name="now"/> falls in [from, to); a window may run past midnight.</summary>
    public static bool IsOpen(int? from, int? to, DateTimeOffset now)
    {
        var local = now.ToOffset(CourierViews.ChinaTime);
        return IsOpenAtMinute(from, to, local.Hour * 60 + local.Minute);
    }

    /// <summary>The same rule for a minute of the China-time day (the offline verifier's hot path counts minutes itself).</summary>
    public static bool IsOpenAtMinute(int? from, int? to, int minuteOfDay)
    {
        if (from is not { } f || to is not { } t) return true;
        return f < t ? minuteOfDay >= f && minuteOfDay < t : minuteOfDay >= f || minuteOfDay < t;
    }
}
