using Linli.Infrastructure.Auth;
using Linli.Infrastructure.Persistence;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Audit;
using Linli.Modules.Access.Authorization;
using Linli.Modules.Access.Bootstrap;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Linli.Modules.Access.Tokens;
using Linli.Modules.Access.TwoFactor;
using Linli.Modules.Access.Users;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Access;

/// <summary>Accounts, sign-in, roles and scopes, personal-data protection, the audit trail.</summary>
internal static class AccessModule
{
    public const string SchemeSelector = "Linli";

    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var keys = KeysFolder(builder);
        services.AddDataProtection()
            .SetApplicationName("Linli")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(keys, "data-protection")));
        services.AddSingleton(new PersonalDataKeys(keys));
        services.AddSingleton<PersonalDataProtector>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SchemeSelector;
                o.DefaultChallengeScheme = SchemeSelector;
            })
            // API clients send "Authorization: Bearer …"; browsers carry the sign-in cookie.
            .AddPolicyScheme(SchemeSelector, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = IssueToken.Lifetime)
            .AddIdentityCookies();
        services.AddIdentityCore<LinliUser>(o =>
            {
                // MLPS level 3: complex passwords, lock-out after repeated failures, unique accounts.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Linli:LockoutAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Linli:LockoutMinutes", 15.0));
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<LinliDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "linli.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Linli:SessionMinutes", 30.0));
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            // The API answers 401/403 as ProblemDetails; only pages are redirected to sign in.
            o.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddHttpContextAccessor();
        services.AddScoped<IAccessControl, AccessControl>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<IStaffDirectory, StaffDirectory>();
        services.AddSingleton<IAccountDirectory, AccountDirectory>();
        services.AddAuthorizationBuilder().AddLinliPolicies();
        services.AddHostedService<AccountBootstrap>();
        services.AddScoped<Pages.DemoAccountList>();
        services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication MapAccess(this WebApplication app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Access");
        auth.MapPost("/token", IssueToken.Handle)
            .WithName("IssueToken")
            .WithSummary("A bearer token for API clients (add totp when two-factor sign-in is on)")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireAuthorization(Policies.Public)
            .RequireRateLimiting(RateLimits.SignIn);
        auth.MapGet("/two-factor", TwoFactorEndpoints.Status)
            .WithName("GetTwoFactor")
            .WithSummary("Two-factor status; a new authenticator key while it is off")
            .RequireAuthorization(Policies.SignedIn);
        auth.MapPost("/two-factor/enable", TwoFactorEndpoints.Enable)
            .WithName("EnableTwoFactor")
            .RequireAuthorization(Policies.SignedIn);
        auth.MapPost("/two-factor/disable", TwoFactorEndpoints.Disable)
            .WithName("DisableTwoFactor")
            .RequireAuthorization(Policies.SignedIn);

        var users = app.MapGroup("/api/v1/users").WithTags("Access").RequireAuthorization(Policies.UsersManage);
        users.MapPost("/", ManageUsers.Create).WithName("CreateUser");
        users.MapGet("/", ManageUsers.List).WithName("ListUsers");
        users.MapGet("/{id}", ManageUsers.Get).WithName("GetUser");
        users.MapPut("/{id}", ManageUsers.Update).WithName("UpdateUser");
        users.MapDelete("/{id}", ManageUsers.Delete).WithName("DeleteUser");
        users.MapPost("/{id}/unmask", ManageUsers.Unmask)
            .WithName("UnmaskUser")
            .WithSummary("The unmasked personal data of an account, for a stated reason (audited)");

        app.MapGet("/api/v1/audit", SearchAudit.Handle)
            .WithTags("Access")
            .WithName("SearchAudit")
            .RequireAuthorization(Policies.AuditRead);

        app.MapPost("/account/logout", SignIn.SignOutEndpoint.Handle)
            .WithName("SignOut")
            .RequireAuthorization(Policies.Public)
            .DisableAntiforgery();
        return app;
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/open311"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Keys live outside the database: <c>Linli:KeysPath</c>, by default beside the SQLite file.</summary>
    private static string KeysFolder(WebApplicationBuilder builder)
    {
        var path = builder.Configuration["Linli:KeysPath"] ?? "data/keys";
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, path));
    }
}
