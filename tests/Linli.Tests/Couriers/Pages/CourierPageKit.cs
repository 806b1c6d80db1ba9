using System.Net;
using System.Text.RegularExpressions;

namespace Linli.Tests.Couriers.Pages;

/// <summary>Reads and posts the couriers' pages as a browser would (antiforgery token, the form's handler name).</summary>
internal static partial class CourierPageKit
{
    public static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(path);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
        return body;
    }

    /// <summary>Posts the page's form named <paramref name="handler"/> with the given fields (a name may repeat, like ticked checkboxes).</summary>
    public static async Task<string> PostAsync(HttpClient client, string path, string handler, params (string Name, string Value)[] fields)
    {
        var page = await client.GetStringAsync(path);
        Assert.Contains($"name=\"_handler\" value=\"{handler}\"", page, StringComparison.Ordinal);
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value)),
        };
        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        var response = await client.PostAsync(path, new FormUrlEncodedContent(all));
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode is HttpStatusCode.OK, $"POST {path} {handler}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
        return body;
    }

    /// <summary>The error list the page shows (empty when there is none).</summary>
    public static string Alert(string page)
    {
        var match = AlertList().Match(page);
        return match.Success ? match.Groups[1].Value : "";
    }

    public static string Status(string page)
    {
        var match = StatusNotice().Match(page);
        return match.Success ? match.Groups[1].Value : "";
    }

    /// <summary>A page refused to someone without the permission: 403, or sent on to the "not allowed" page.</summary>
    public static async Task AssertRefusedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/account/denied", StringComparison.Ordinal) == true
            || response.Headers.Location?.OriginalString.Contains("/account/denied", StringComparison.Ordinal) == true;
        Assert.True(refused, $"{path} was not refused: {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<ul class=\"error\" role=\"alert\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex AlertList();

    [GeneratedRegex("<p role=\"status\" class=\"notice\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex StatusNotice();
}
