using System.Text;

namespace Linli.Modules.Cases.Duplicates;

/// <summary>
/// Folds a report's phrases into shared concepts (Data/concepts.txt) before the rest is segmented,
/// so that two people who describe one burst pipe in different words still meet. One pass, left
/// to right, longest phrase first: a replacement is never rewritten again.
/// </summary>
public static class ReportConcepts
{
    private static readonly HashSet<string> FaultConcepts = [];
    private static readonly HashSet<(string, string)> AkinFaults = [];
    private static readonly Dictionary<string, string> ConceptOf = Load();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan = ConceptOf.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int LongestPhrase = ConceptOf.Keys.Max(k => k.Length);

    /// <summary>
    /// The concepts the text names, and the rest of the text (concept phrases blanked out) for the
    /// segmenter — which would otherwise split a concept such as 不亮 into 不 + 亮.
    /// </summary>
    public static (List<string> Concepts, string Remainder) Split(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var concepts = new List<string>();
        var rest = new StringBuilder(normalised.Length);
        var i = 0;
        while (i < normalised.Length)
        {
            var matched = false;
            for (var length = Math.Min(LongestPhrase, normalised.Length - i); length >= 1; length--)
            {
                if (BySpan.TryGetValue(normalised.AsSpan(i, length), out var concept))
                {
                    concepts.AddRange(concept.Split('+'));
                    rest.Append('，');
                    i += length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                rest.Append(normalised[i]);
                i++;
            }
        }
        return (concepts, rest.ToString());
    }

    /// <summary>The words two reports are compared by: the concepts, then the segmented rest.</summary>
    public static List<string> Words(string text)
    {
        var (concepts, rest) = Split(text);
        concepts.AddRange(Text.ReportWords.Of(rest));
        return concepts;
    }

    /// <summary>The faults among a report's (concept-folded) words.</summary>
    public static HashSet<string> FaultsIn(IEnumerable<string> words) => words.Where(FaultConcepts.Contains).ToHashSet();

    /// <summary>True when both name faults and none of one is the same as, or akin to, one of the other.</summary>
    public static bool FaultsDiffer(HashSet<string> a, HashSet<string> b) =>
        a.Count > 0 && b.Count > 0 && !a.Any(x => b.Any(y => x == y || AkinFaults.Contains((x, y))));

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(ReportConcepts).Assembly.GetManifestResourceStream("Linli.Cases.Duplicates.concepts.txt")
            ?? throw new InvalidOperationException("The concept list is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            if (line[0] == '=')
            {
                var parts = line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                map[parts[0]] = string.Join('+', parts.Skip(1));
                continue;
            }
            if (line[0] == '~')
            {
                var akin = line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var a in akin)
                {
                    foreach (var b in akin)
                    {
                        AkinFaults.Add((a, b));
                    }
                }
                continue;
            }
            var fault = line[0] == '!';
            var words = line.TrimStart('!').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fault)
            {
                FaultConcepts.Add(words[0]);
            }
            foreach (var word in words)
            {
                map.TryAdd(word, words[0]);
            }
        }
        return map;
    }
}
