using System.Security.Cryptography;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Linli.Modules.Geography.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Access.Bootstrap;

/// <summary>
/// The first administrator (password from <c>Linli:AdminPassword</c>, or generated and printed once)
/// and, in the demo city, a few accounts per role in a few regions (<c>Linli:DemoPassword</c>).
/// </summary>
internal sealed class AccountBootstrap(IServiceScopeFactory scopes, IConfiguration configuration, IRegionLookup regions,
    ILogger<AccountBootstrap> logger) : BackgroundService
{
    public const string DemoAccountsKey = "demo-accounts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await EnsureAdminAsync(stoppingToken);
            if (!string.Equals(configuration["Linli:DemoCity"], "none", StringComparison.OrdinalIgnoreCase))
            {
                while (!regions.IsReady || regions.ChildrenOf(null).Count == 0)
                {
                    await Task.Delay(250, stoppingToken);
                }
                await EnsureDemoAccountsAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (DbUpdateException e)
        {
            // Another node created them at the same moment.
            logger.LogInformation(e, "Accounts were bootstrapped by another node");
        }
    }

    private async Task EnsureAdminAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        if (await db.StaffAssignments.AnyAsync(a => a.Role == Roles.Admin, ct))
        {
            return;
        }
        var configured = configuration["Linli:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        await CreateAsync(scope.ServiceProvider, "admin", password, "系统管理员", null, null, [new StaffAssignment { Role = Roles.Admin }]);
        if (string.IsNullOrEmpty(configured))
        {
            // Printed once, to the console only: it is in no file and no log sink.
            Console.WriteLine($"Linli: created account 'admin' with password {password} (set Linli:AdminPassword to choose it). Admins must turn on two-factor sign-in.");
        }
        logger.LogInformation("Created the first administrator account 'admin'");
    }

    private async Task EnsureDemoAccountsAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LinliDb>();
        if (await db.AppSettings.AnyAsync(s => s.Key == DemoAccountsKey, ct))
        {
            return;
        }
        var configured = configuration["Linli:DemoPassword"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var plan = DemoAccounts.Plan(regions);
        foreach (var account in plan)
        {
            await CreateAsync(scope.ServiceProvider, account.Username, password, account.DisplayName, account.Phone, account.IdNumber,
                [new StaffAssignment { Role = account.Role, Scope = account.Scope, Department = account.Department }]);
        }
        db.AppSettings.Add(new AppSetting { Key = DemoAccountsKey, Value = string.Join(",", plan.Select(p => p.Username)) });
        await db.SaveChangesAsync(ct);
        if (string.IsNullOrEmpty(configured))
        {
            Console.WriteLine($"Linli: created {plan.Count} demo accounts ({string.Join(", ", plan.Select(p => p.Username))}) with password {password} (set Linli:DemoPassword to choose it).");
        }
    }

    private static async Task CreateAsync(IServiceProvider services, string username, string password, string displayName, string? phone,
        string? idNumber, List<StaffAssignment> assignments)
    {
        var users = services.GetRequiredService<UserManager<LinliUser>>();
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var clock = services.GetRequiredService<TimeProvider>();
        var user = new LinliUser
        {
            UserName = username,
            CreatedAt = clock.GetUtcNow(),
            DisplayNameProtected = protector.Protect(displayName),
            PhoneProtected = protector.Protect(phone),
            PhoneIndex = protector.Index(PersonalDataKind.Phone, phone),
            IdNumberProtected = protector.Protect(idNumber),
            IdNumberIndex = protector.Index(PersonalDataKind.IdNumber, idNumber),
        };
        user.Assignments.AddRange(assignments);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Cannot create account '{username}': {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>16 characters from all four classes, from a cryptographic source.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!@#$%^&*-_=+";
        var all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)], lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)], symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
