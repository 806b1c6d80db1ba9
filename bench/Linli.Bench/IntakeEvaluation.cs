using System.Globalization;
using System.Text.Json;
using Linli.Modules.Cases.Classification;
using Linli.Modules.Cases.Duplicates;

namespace Linli.Bench;

/// <summary>
/// Measures the two models of smart intake on data they were not built from:
/// <c>suggest-eval</c> trains on four fifths of the corpus and scores the held-out fifth (against a
/// category-name keyword baseline); <c>duplicate-eval</c> runs the duplicate rules over the
/// labelled pairs in Data/duplicate-pairs.jsonl (against plain character-bigram overlap).
/// </summary>
internal static class IntakeEvaluation
{
    public static void Suggestions()
    {
        var corpus = SuggestionCorpus.All;
        var training = corpus.Where(r => !SuggestionCorpus.IsHeldOut(r)).ToList();
        var heldOut = corpus.Where(SuggestionCorpus.IsHeldOut).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var model = CategoryModel.Train(training);
        Console.WriteLine($"corpus {corpus.Count} reports, {corpus.Select(r => r.Code).Distinct().Count()} categories; trained on {training.Count} in {started.Elapsed.TotalSeconds:F1} s; held out {heldOut.Count}");
        int top1 = 0, top3 = 0, keyword = 0;
        var names = Names();
        foreach (var report in heldOut)
        {
            var top = model.Top(model.Distribution(report.Text), 3);
            top1 += top[0].Code == report.Code ? 1 : 0;
            top3 += top.Any(t => t.Code == report.Code) ? 1 : 0;
            // Baseline: the category whose name shares the most characters with the text.
            var guess = names.MaxBy(n => n.Value.Count(report.Text.Contains)).Key;
            keyword += guess == report.Code ? 1 : 0;
        }
        Console.WriteLine($"held-out top-1 accuracy {Ratio(top1, heldOut.Count)}, top-3 accuracy {Ratio(top3, heldOut.Count)}");
        Console.WriteLine($"baseline (category name characters in the text) top-1 {Ratio(keyword, heldOut.Count)}");
        var timer = System.Diagnostics.Stopwatch.StartNew();
        foreach (var report in heldOut)
        {
            model.Distribution(report.Text);
        }
        Console.WriteLine($"suggestion (segment + predict) {timer.Elapsed.TotalMicroseconds / heldOut.Count:F0} µs per report, one thread");
    }

    public static void Duplicates(string path)
    {
        var pairs = File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<Pair>(l, JsonSerializerOptions.Web)!).ToList();
        var model = CategoryModel.Train(SuggestionCorpus.All);
        var rarity = new WordRarity(SuggestionCorpus.All.Select(r => r.Text));
        var read = pairs.Select(p => (Pair: p, A: ReportText.Read(p.A.Text, model, rarity), B: ReportText.Read(p.B.Text, model, rarity))).ToList();
        Console.WriteLine($"{pairs.Count} labelled pairs ({pairs.Count(p => p.Same)} same, {pairs.Count(p => !p.Same)} different) from {path}");
        var window = DuplicateWindow.Default;
        bool Reachable(Pair p) => DuplicateRules.Compatible(p.A.Category, p.B.Category) && DuplicateRules.WithinReach(window, p.Meters, p.Hours);
        bool Linli(Pair p, ReportText a, ReportText b) => Reachable(p) && DuplicateRules.SaysTheSame(a, b);

        Report("Linli (category, 50 m, 72 h, named spots, words + meaning)", read.Select(x => (x.Pair, Linli(x.Pair, x.A, x.B))));
        Report("  tuning half (odd ids)", read.Where(x => x.Pair.Id % 2 == 1).Select(x => (x.Pair, Linli(x.Pair, x.A, x.B))));
        Report("  test half (even ids)", read.Where(x => x.Pair.Id % 2 == 0).Select(x => (x.Pair, Linli(x.Pair, x.A, x.B))));
        Report("baseline: place, time and category only", read.Select(x => (x.Pair, Reachable(x.Pair))));
        Report("baseline: + character-bigram Jaccard >= 0.3", read.Select(x => (x.Pair, Reachable(x.Pair) && Bigrams(x.Pair.A.Text, x.Pair.B.Text) >= 0.3)));
        Console.WriteLine("by kind (Linli):");
        foreach (var kind in read.GroupBy(x => x.Pair.Kind).OrderBy(g => g.Key))
        {
            var right = kind.Count(x => Linli(x.Pair, x.A, x.B) == x.Pair.Same);
            Console.WriteLine($"  {kind.Key,-30} {right}/{kind.Count()} right");
        }
        Console.WriteLine("threshold sweep on the tuning half (precision / recall):");
        foreach (var threshold in new[] { 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65 })
        {
            var decided = read.Where(x => x.Pair.Id % 2 == 1).Select(x => (x.Pair,
                Reachable(x.Pair) && !x.A.Differs(x.B) && DuplicateRules.Score(x.A, x.B) >= threshold)).ToList();
            Console.WriteLine($"  {threshold:F2}: {Scores(decided)}");
        }
        foreach (var miss in read.Where(x => Linli(x.Pair, x.A, x.B) != x.Pair.Same))
        {
            Console.WriteLine($"  miss #{miss.Pair.Id} {miss.Pair.Kind} same={miss.Pair.Same} score={DuplicateRules.Score(miss.A, miss.B):F2} words={miss.A.Wording(miss.B):F2} meaning={miss.A.Meaning(miss.B):F2} {miss.Pair.A.Category}:{miss.Pair.A.Text} | {miss.Pair.B.Category}:{miss.Pair.B.Text} ({miss.Pair.Meters} m, {miss.Pair.Hours} h)");
        }
    }

    /// <summary>Where a report's reading spends its time, per report, one thread.</summary>
    public static void ProfileReading()
    {
        var corpus = SuggestionCorpus.All;
        var model = CategoryModel.Train(corpus);
        var rarity = new WordRarity(corpus.Select(r => r.Text));
        var texts = corpus.Select(r => r.Text).ToList();
        void Time(string what, Action<string> action)
        {
            foreach (var t in texts.Take(200)) action(t);
            var timer = System.Diagnostics.Stopwatch.StartNew();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var t in texts) action(t);
            Console.WriteLine($"{what,-40} {timer.Elapsed.TotalMicroseconds / texts.Count,8:F1} µs {(GC.GetAllocatedBytesForCurrentThread() - allocated) / texts.Count,10:N0} B");
        }
        Time("segment (SmartCn)", t => Linli.Modules.Cases.Text.ReportWords.Of(t));
        Time("concepts + segment rest", t => ReportConcepts.Words(t));
        Time("model distribution (segment + predict)", t => model.Distribution(t));
        Time("ReportText.Read (all of it)", t => ReportText.Read(t, model, rarity));
    }

    /// <summary>Shows how two texts are read: words, faults, named spots, and the scores.</summary>
    public static void Explain(string a, string b)
    {
        var model = CategoryModel.Train(SuggestionCorpus.All);
        var rarity = new WordRarity(SuggestionCorpus.All.Select(r => r.Text));
        var x = ReportText.Read(a, model, rarity);
        var y = ReportText.Read(b, model, rarity);
        foreach (var (text, read) in new[] { (a, x), (b, y) })
        {
            Console.WriteLine($"{text}: words [{string.Join(' ', read.Weights.Keys)}] faults [{string.Join(' ', read.Faults)}] places {read.Places}");
        }
        Console.WriteLine($"differ={x.Differs(y)} words={x.Wording(y):F2} meaning={x.Meaning(y):F2} score={DuplicateRules.Score(x, y):F2}");
    }

    private static void Report(string name, IEnumerable<(Pair Pair, bool Merged)> decisions) =>
        Console.WriteLine($"{name}: {Scores(decisions.ToList())}");

    private static string Scores(List<(Pair Pair, bool Merged)> decisions)
    {
        var tp = decisions.Count(d => d.Merged && d.Pair.Same);
        var fp = decisions.Count(d => d.Merged && !d.Pair.Same);
        var fn = decisions.Count(d => !d.Merged && d.Pair.Same);
        return $"precision {Ratio(tp, tp + fp)}, recall {Ratio(tp, tp + fn)} (n={decisions.Count}, tp={tp}, fp={fp}, fn={fn})";
    }

    private static double Bigrams(string a, string b)
    {
        static HashSet<string> Of(string s) => Enumerable.Range(0, Math.Max(0, s.Length - 1)).Select(i => s.Substring(i, 2)).ToHashSet();
        var x = Of(a);
        var y = Of(b);
        return x.Count + y.Count == 0 ? 0 : (double)x.Intersect(y).Count() / x.Union(y).Count();
    }

    private static Dictionary<string, string> Names()
    {
        using var stream = typeof(CategoryModel).Assembly.GetManifestResourceStream("Linli.Cases.default-categories.json")!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("majors").EnumerateArray().SelectMany(m => m.GetProperty("minors").EnumerateArray())
            .ToDictionary(m => m.GetProperty("code").GetString()!, m => m.GetProperty("names").GetProperty("zh").GetString()!);
    }

    private static string Ratio(int part, int whole) => whole == 0 ? "n/a" : ((double)part / whole).ToString("F3", CultureInfo.InvariantCulture);

    private sealed record Side(string Category, string Text);

    private sealed record Pair(int Id, string Kind, Side A, Side B, double Meters, double Hours, bool Same);
}
