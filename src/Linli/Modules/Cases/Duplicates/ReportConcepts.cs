using System.Text;

namespace Linli.Modules.Cases.Duplicates;

/// <summary>
/// Rewrites a report's phrases into shared concepts (Data/concepts.txt) before it is segmented,
/// so that two people who describe one burst pipe in different words still meet. One pass, left
/// to right, longest phrase first: a replacement is never rewritten again.
/// </summary>
public static class ReportConcepts
{
    private static readonly Dictionary<string, string> ConceptOf = Load();
    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan = ConceptOf.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly int LongestPhrase = ConceptOf.Keys.Max(k => k.Length);

    public static string Normalise(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(normalised.Length);
        var i = 0;
        while (i < normalised.Length)
        {
            var matched = false;
            for (var length = Math.Min(LongestPhrase, normalised.Length - i); length >= 1; length--)
            {
                if (BySpan.TryGetValue(normalised.AsSpan(i, length), out var concept))
                {
                    // Spaces keep the concept a word of its own for the segmenter.
                    result.Append(' ').Append(concept).Append(' ');
                    i += length;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                result.Append(normalised[i]);
                i++;
            }
        }
        return result.ToString();
    }

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
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var word in words.Skip(1))
            {
                map.TryAdd(word, words[0]);
            }
        }
        return map;
    }
}
