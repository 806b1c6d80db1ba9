using System.Text.Json;
using System.Text.Json.Serialization;

namespace Linli.Modules.Traffic.Board;

/// <summary>The stakes a carriageway's line starts and ends at, read from its stake marks (the first and last mark).</summary>
internal static class Stretch
{
    private sealed record Mark([property: JsonPropertyName("along")] double Along, [property: JsonPropertyName("stake")] double Stake);

    public static (double First, double Last) Ends(string stakeMarksJson, double lengthMeters)
    {
        try
        {
            var marks = JsonSerializer.Deserialize<List<Mark>>(stakeMarksJson);
            if (marks is { Count: > 0 })
            {
                var ordered = marks.OrderBy(m => m.Along).ToList();
                return (ordered[0].Stake, ordered[^1].Stake);
            }
        }
        catch (JsonException)
        {
            // A carriageway with unreadable marks still shows, measured from zero.
        }
        return (0, lengthMeters);
    }
}
