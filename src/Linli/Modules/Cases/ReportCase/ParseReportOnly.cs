namespace Linli.Modules.Cases.ReportCase;

/// <summary>
/// <c>POST /api/v1/bench/parse-report</c>, mapped only with <c>Linli:BenchEndpoints=true</c>: reads
/// a report exactly as intake does and does nothing else. The intake load test measures against
/// it in the same run, so the figure that matters is the ratio, not the machine.
/// </summary>
internal static class ParseReportOnly
{
    public static async Task<IResult> Handle(HttpContext http, CancellationToken ct)
    {
        var (request, photos) = await ReportForm.ReadAsync(http.Request, ct);
        return TypedResults.Ok(new { parsed = request.Description?.Length ?? 0, photos = photos.Count });
    }
}
