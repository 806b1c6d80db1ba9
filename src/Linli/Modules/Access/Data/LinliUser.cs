using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Access.Data;

/// <summary>
/// An account. The display name, phone and resident ID number are personal data: stored encrypted,
/// with keyed hashes of the phone and ID for exact-match search; Identity's own plaintext PhoneNumber stays empty.
/// </summary>
public sealed class LinliUser : IdentityUser
{
    public string? DisplayNameProtected { get; set; }
    public string? PhoneProtected { get; set; }
    public string? PhoneIndex { get; set; }
    public string? IdNumberProtected { get; set; }
    public string? IdNumberIndex { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<StaffAssignment> Assignments { get; } = [];
}

/// <summary>One role of a user, within a region subtree, a department, or (admin) everywhere.</summary>
public sealed class StaffAssignment
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Role { get; set; } = "";
    public string? Scope { get; set; }
    public string? Department { get; set; }
}

/// <summary>Small facts the app keeps about itself (for example that demo accounts exist).</summary>
public sealed class AppSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
