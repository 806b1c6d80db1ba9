namespace Linli.Modules.Couriers.Passes;

/// <summary>The offline pass: signing keys and their rotation, rotating tokens, verification online and the gate's bundle.</summary>
internal static class PassTokensModule
{
    public static WebApplicationBuilder AddPassTokens(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapPassTokens(this WebApplication app)
    {
        return app;
    }
}
