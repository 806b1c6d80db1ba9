using System.Security.Cryptography;
using System.Text;

namespace Linli.Modules.Cases.Classification;

/// <summary>One short report with the minor category a dispatcher gave it.</summary>
public sealed record LabelledReport(string Code, string Text);

/// <summary>
/// The labelled reports the category model learns from: written for Linli across the whole
/// taxonomy (residents, riders, grid workers and hotline summaries), shipped inside the assembly.
/// </summary>
public static class SuggestionCorpus
{
    private const string ResourcePrefix = "Linli.Cases.Classification.";

    private static readonly Lazy<IReadOnlyList<LabelledReport>> Shipped = new(Load);

    /// <summary>The shipped corpus, read once per process (the model and the word rarities both learn from it).</summary>
    public static IReadOnlyList<LabelledReport> All => Shipped.Value;

    private static List<LabelledReport> Load()
    {
        var assembly = typeof(SuggestionCorpus).Assembly;
        var reports = new List<LabelledReport>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
            reports.AddRange(Parse(reader));
        }
        return reports;
    }

    /// <summary>Lines of <c>CODE&lt;TAB&gt;TEXT</c>; blank lines and lines starting with # are skipped.</summary>
    public static IEnumerable<LabelledReport> Parse(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && tab < line.Length - 1)
            {
                yield return new LabelledReport(line[..tab].Trim(), line[(tab + 1)..].Trim());
            }
        }
    }

    /// <summary>
    /// The held-out fifth used to measure the model: chosen by a hash of the text, so the split is
    /// the same on every machine and does not move when lines are added elsewhere in the file.
    /// </summary>
    public static bool IsHeldOut(LabelledReport report) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(report.Text))[0] % 5 == 0;

    /// <summary>Raised whenever the model's features or trainer change, so that saved models are retrained.</summary>
    private const string ModelVersion = "sdca-words12-chars13-concepts-hhmm-v2";

    /// <summary>
    /// A fingerprint of what the model is made from — the reports, the concept list the words go
    /// through, the model version: a saved model is reused only when all three are the same.
    /// </summary>
    public static string Fingerprint(IEnumerable<LabelledReport> reports)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(ModelVersion));
        using (var concepts = typeof(SuggestionCorpus).Assembly.GetManifestResourceStream("Linli.Cases.Duplicates.concepts.txt")!)
        {
            hash.AppendData(new BinaryReader(concepts).ReadBytes((int)concepts.Length));
        }
        foreach (var report in reports)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(report.Code + "\t" + report.Text + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
