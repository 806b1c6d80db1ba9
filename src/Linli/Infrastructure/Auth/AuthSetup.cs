namespace Linli.Infrastructure.Auth;

internal static class AuthSetup
{
    public static WebApplicationBuilder AddLinliAuthorization(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Public, p => p.RequireAssertion(_ => true))
            // Sign-in arrives with the Access module; until then these admit everyone and the
            // module only has to tighten the policy here.
            .AddPolicy(Policies.RegionsRead, p => p.RequireAssertion(_ => true))
            .AddPolicy(Policies.RegionsManage, p => p.RequireAssertion(_ => true));
        return builder;
    }
}
