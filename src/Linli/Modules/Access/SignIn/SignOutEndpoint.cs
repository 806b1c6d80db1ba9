using Linli.Modules.Access.Data;
using Microsoft.AspNetCore.Identity;
using Linli.Modules.Access.Contracts;

namespace Linli.Modules.Access.SignIn;

internal static class SignOutEndpoint
{
    public static async Task<IResult> Handle(HttpContext http, SignInManager<LinliUser> signIn, IAuditLog audit)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync("sign-out", http.User.Identity.Name, AuditOutcomes.Success);
        }
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/");
    }
}
