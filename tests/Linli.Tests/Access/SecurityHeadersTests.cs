using Linli.Tests.Infrastructure;

namespace Linli.Tests.Access;

[Trait("Category", "Database")]
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/api/v1/locate?lon=1&lat=1")]
    public async Task Pages_and_api_answers_carry_the_security_headers(string url)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Anonymous.GetAsync(url);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
