using System.Security.Claims;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using QRCoder;

namespace Linli.Modules.Couriers.Sites;

/// <summary>The site code as a QR image (SVG, prints sharp at any size) that opens the scan page on a rider's phone.</summary>
internal static class SitePoster
{
    public static async Task<IResult> Qr(string code, ClaimsPrincipal user, LinliDb db, IAccessControl access, HttpRequest http, CancellationToken ct)
    {
        var site = await ManageSites.FindAsync(db, code, user, access, ct, tracking: false);
        return TypedResults.Text(Svg(ManageSites.ScanUrl(http, site.Code)), "image/svg+xml");
    }

    public static string Svg(string content)
    {
        // Level Q survives a poster that is scuffed or half in shadow at a gate.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(10);
    }
}
