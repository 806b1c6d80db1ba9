namespace Linli.Infrastructure.Auth;

/// <summary>
/// Authorization policy names. Every endpoint names one, so that protecting a group of endpoints
/// is a change to the policy, not to each endpoint.
/// </summary>
public static class Policies
{
    /// <summary>Reading the region tree: lookups, region details, exports.</summary>
    public const string RegionsRead = "regions:read";

    /// <summary>Changing the region tree: imports.</summary>
    public const string RegionsManage = "regions:manage";

    /// <summary>Health probes and public pages.</summary>
    public const string Public = "public";
}
