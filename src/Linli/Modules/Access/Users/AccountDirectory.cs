using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Users;

internal sealed class AccountDirectory(IDbContextFactory<LinliDb> dbFactory, IServiceScopeFactory scopes, IAuditLog audit, TimeProvider clock) : IAccountDirectory
{
    private static readonly string[] PublicRoles = [Roles.Courier, Roles.Resident];

    public async Task<string?> ResolveAsync(string idOrUserName, CancellationToken ct = default)
    {
        var key = idOrUserName.Trim();
        if (key.Length is 0 or > 256)
        {
            return null;
        }
        var normalised = key.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == key || u.NormalizedUserName == normalised)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, string>> UserNamesAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.UserName != null)
            .ToDictionaryAsync(u => u.Id, u => u.UserName!, ct);
    }

    public async Task<string> CreatePublicAccountAsync(PublicAccountRequest request, CancellationToken ct = default)
    {
        if (!PublicRoles.Contains(request.Role))
        {
            throw new ArgumentException($"Role {request.Role} cannot be self-registered.", nameof(request));
        }
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckUsername(request.Username, errors);
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["is required"];
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        if (await users.FindByNameAsync(request.Username) is not null)
        {
            throw new DomainException("Username taken", $"An account named '{request.Username}' already exists; sign in and apply from your account.");
        }
        var phone = PersonalDataFormats.Normalise(PersonalDataKind.Phone, request.Phone);
        var idNumber = request.IdNumber is null ? null : PersonalDataFormats.Normalise(PersonalDataKind.IdNumber, request.IdNumber);
        var user = new LinliUser
        {
            UserName = request.Username,
            CreatedAt = clock.GetUtcNow(),
            DisplayNameProtected = protector.Protect(request.DisplayName.Trim()),
            PhoneProtected = protector.Protect(phone),
            PhoneIndex = protector.Index(PersonalDataKind.Phone, phone),
            IdNumberProtected = protector.Protect(idNumber),
            IdNumberIndex = protector.Index(PersonalDataKind.IdNumber, idNumber),
        };
        user.Assignments.Add(new StaffAssignment { Role = request.Role });
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            throw new RequestValidationException(new Dictionary<string, string[]> { ["password"] = result.Errors.Select(e => e.Description).ToArray() });
        }
        await audit.RecordAsync("user.self-register", user.UserName, AuditOutcomes.Success, request.Role, ct);
        return user.Id;
    }

    public async Task DeletePublicAccountAsync(string userId, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
        if (await users.FindByIdAsync(userId) is { } user)
        {
            await users.DeleteAsync(user);
            await audit.RecordAsync("user.self-register-undone", user.UserName, AuditOutcomes.Success, null, ct);
        }
    }
}
