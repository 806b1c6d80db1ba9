using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Users;

/// <summary>
/// Masks inside Access, so the plain names and phones never leave the module that guards them;
/// unmasking stays behind <see cref="Permissions.PersonalDataUnmask"/> and its audit.
/// </summary>
internal sealed class StaffDirectory(IDbContextFactory<LinliDb> dbFactory, PersonalDataProtector protector) : IStaffDirectory
{
    public async Task<RegionStaff> InRegionAsync(string role, string regionCode, int listAtMost, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var prefix = RegionScope.Prefix(regionCode);
        var assignments = db.StaffAssignments.AsNoTracking()
            .Where(a => a.Role == role && a.Scope != null && a.Scope.StartsWith(prefix));
        var count = await assignments.CountAsync(ct);
        var listed = await assignments
            .OrderBy(a => a.Scope).ThenBy(a => a.UserId)
            .Take(listAtMost)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => new { a.Scope, u.UserName, u.DisplayNameProtected, u.PhoneProtected })
            .ToListAsync(ct);
        return new RegionStaff(count, listed
            .Select(x => new MaskedStaffMember(
                Mask(protector.UnprotectOrMarker(x.DisplayNameProtected), PersonalDataFormats.MaskName) ?? PersonalDataFormats.MaskName(x.UserName ?? ""),
                Mask(protector.UnprotectOrMarker(x.PhoneProtected), PersonalDataFormats.MaskPhone) ?? "",
                x.Scope!))
            .ToList());
    }

    public async Task<IReadOnlyList<string>> UserNamesInDepartmentAsync(string role, string department, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var names = await db.StaffAssignments.AsNoTracking()
            .Where(a => a.Role == role && a.Department == department)
            .Join(db.Users, a => a.UserId, u => u.Id, (a, u) => u.UserName)
            .Where(n => n != null)
            .Distinct()
            .ToListAsync(ct);
        return names.Select(n => n!).Order(StringComparer.Ordinal).ToList();
    }

    // The unreadable marker says a key is missing; it is not personal data and is shown as it is.
    private static string? Mask(string? plain, Func<string, string> mask) =>
        plain is null ? null : plain == PersonalDataProtector.Unreadable ? plain : mask(plain);
}
