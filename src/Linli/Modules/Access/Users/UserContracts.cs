using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;

namespace Linli.Modules.Access.Users;

public sealed record AssignmentDto(string? Role, string? Scope, string? Department);

public sealed record CreateUserRequest(string? Username, string? Password, string? DisplayName, string? Phone, List<AssignmentDto>? Assignments,
    string? IdNumber = null);

public sealed record UpdateUserRequest(string? DisplayName, string? Phone, string? Password, List<AssignmentDto>? Assignments,
    string? IdNumber = null);

public sealed record UnmaskRequest(string? Reason);

/// <summary>An account as the API shows it: personal data masked.</summary>
public sealed record UserView(
    string Id,
    string Username,
    string? DisplayName,
    string? Phone,
    string? IdNumber,
    IReadOnlyList<AssignmentDto> Assignments,
    bool TwoFactorEnabled,
    bool LockedOut,
    DateTimeOffset CreatedAt);

/// <summary>The unmasked personal data of an account, for a stated reason (and audited).</summary>
public sealed record UserPersonalData(string Id, string Username, string? DisplayName, string? Phone, string? IdNumber);

internal static class UserViews
{
    public static UserView Masked(LinliUser user, PersonalDataProtector protector, DateTimeOffset now)
    {
        var name = protector.UnprotectOrMarker(user.DisplayNameProtected);
        var phone = protector.UnprotectOrMarker(user.PhoneProtected);
        var idNumber = protector.UnprotectOrMarker(user.IdNumberProtected);
        if (phone == PersonalDataProtector.Unreadable || idNumber == PersonalDataProtector.Unreadable)
        {
            return new UserView(user.Id, user.UserName!, name, phone, idNumber,
                user.Assignments.Select(a => new AssignmentDto(a.Role, a.Scope, a.Department)).ToList(),
                user.TwoFactorEnabled, user.LockoutEnd is { } lockEnd && lockEnd > now, user.CreatedAt);
        }
        return new UserView(user.Id, user.UserName!,
            name is null ? null : PersonalDataFormats.MaskName(name),
            phone is null ? null : PersonalDataFormats.MaskPhone(phone),
            idNumber is null ? null : PersonalDataFormats.MaskIdNumber(idNumber),
            user.Assignments.Select(a => new AssignmentDto(a.Role, a.Scope, a.Department)).ToList(),
            user.TwoFactorEnabled,
            user.LockoutEnd is { } end && end > now,
            user.CreatedAt);
    }
}
