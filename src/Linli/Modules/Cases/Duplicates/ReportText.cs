using Linli.Modules.Cases.Classification;

namespace Linli.Modules.Cases.Duplicates;

/// <summary>
/// What a report says, in the forms the duplicate check compares: the words after concept
/// folding (weighted by how rare they are), the spots it names, and the category model's
/// reading of it (a probability for every category). The model's reading is taken when first
/// asked for: most reports have a category and no open case near enough to compare with, and the
/// model is the largest part of reading a report.
/// </summary>
public sealed class ReportText
{
    private readonly Lazy<float[]> _topic;

    private ReportText(Dictionary<string, double> weights, PlaceMarkers places, HashSet<string> faults, Func<float[]> topic)
    {
        Faults = faults;
        Weights = weights;
        Places = places;
        _topic = new Lazy<float[]>(topic, LazyThreadSafetyMode.ExecutionAndPublication);
        Norm = Math.Sqrt(weights.Values.Sum(w => w * w));
    }

    public Dictionary<string, double> Weights { get; }
    public double Norm { get; }
    public PlaceMarkers Places { get; }

    /// <summary>What the report says is wrong (破损, 不亮, 漏水…), as fault concepts.</summary>
    public HashSet<string> Faults { get; }
    /// <summary>The category model's probability for every category (computed on first use).</summary>
    public float[] Topic => _topic.Value;

    public static ReportText Read(string text, CategoryModel model, WordRarity rarity)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var words = ReportConcepts.Words(text);
        foreach (var word in words)
        {
            weights[word] = weights.GetValueOrDefault(word) + rarity.Of(word);
        }
        var joined = string.Join(' ', words);
        return new ReportText(weights, PlaceMarkers.Of(text), ReportConcepts.FaultsIn(words), () => model.DistributionOf(joined));
    }

    /// <summary>They name different spots, or different faults: whatever their likeness, not one problem.</summary>
    public bool Differs(ReportText other) => Places.ConflictsWith(other.Places) || ReportConcepts.FaultsDiffer(Faults, other.Faults);

    /// <summary>Cosine of the rarity-weighted word bags: 1 when they say it in the same words.</summary>
    public double Wording(ReportText other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }
        var (small, large) = Weights.Count <= other.Weights.Count ? (this, other) : (other, this);
        var dot = 0.0;
        foreach (var (word, weight) in small.Weights)
        {
            if (large.Weights.TryGetValue(word, out var w))
            {
                dot += weight * w;
            }
        }
        return dot / (Norm * other.Norm);
    }

    /// <summary>Bhattacharyya coefficient of the two category readings: 1 when the model reads both as the same problem.</summary>
    public double Meaning(ReportText other)
    {
        var sum = 0.0;
        for (var i = 0; i < Math.Min(Topic.Length, other.Topic.Length); i++)
        {
            sum += Math.Sqrt((double)Topic[i] * other.Topic[i]);
        }
        return sum;
    }
}

/// <summary>
/// How much a word tells apart one report from another: its inverse document frequency over the
/// labelled corpus (after concept folding). Words the corpus never saw count as rare.
/// </summary>
public sealed class WordRarity
{
    private readonly Dictionary<string, double> _idf;
    private readonly double _unseen;

    public WordRarity(IEnumerable<string> documents)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var document in documents)
        {
            total++;
            foreach (var word in ReportConcepts.Words(document).Distinct())
            {
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }
        _idf = counts.ToDictionary(kv => kv.Key, kv => Math.Log((1.0 + total) / (1.0 + kv.Value)) + 1, StringComparer.Ordinal);
        _unseen = Math.Log(1.0 + total) + 1;
    }

    public double Of(string word) => _idf.TryGetValue(word, out var idf) ? idf : _unseen;
}
