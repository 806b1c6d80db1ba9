using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Linli.Modules.Cases.Classification;

/// <summary>
/// A text classifier from report words to minor categories: ML.NET's text featurizer (word
/// unigrams and bigrams over the SmartCn segmentation, plus character 1–3-grams that catch words
/// the segmenter splits differently) feeding a maximum-entropy model (SDCA), whose scores are
/// probabilities — what a "confidence" should be. Prediction engines are not thread-safe and are
/// costly to make (a pool smaller than the number of request threads made one per report under
/// load, a tenth of the throughput), so each thread keeps its own.
/// </summary>
public sealed class CategoryModel : IDisposable
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _codes;
    private readonly ThreadLocal<PredictionEngine<ReportInput, ReportScores>> _engines;

    private CategoryModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        var engine = ml.Model.CreatePredictionEngine<ReportInput, ReportScores>(model);
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        engine.OutputSchema[nameof(ReportScores.Score)].GetSlotNames(ref names);
        _codes = names.DenseValues().Select(n => n.ToString()).ToArray();
        _engines = new ThreadLocal<PredictionEngine<ReportInput, ReportScores>>(() => ml.Model.CreatePredictionEngine<ReportInput, ReportScores>(model));
    }

    /// <summary>The categories the model knows, in the order of <see cref="Distribution"/>.</summary>
    public IReadOnlyList<string> Codes => _codes;

    public static CategoryModel Train(IEnumerable<LabelledReport> reports, int seed = 7)
    {
        var ml = new MLContext(seed);
        var rows = reports.Select(r => new ReportInput { Label = r.Code, Words = WordsOf(r.Text) }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            KeepNumbers = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(ReportInput.Words)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                // One thread: the same corpus gives the same model on every machine.
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 60,
                L2Regularization = 1e-4f,
            }));
        return new CategoryModel(ml, pipeline.Fit(data));
    }

    public static CategoryModel Load(Stream stream)
    {
        var ml = new MLContext(7);
        return new CategoryModel(ml, ml.Model.Load(stream, out _));
    }

    public void Save(Stream stream)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<ReportInput>()).Schema;
        _ml.Model.Save(_model, schema, stream);
    }

    /// <summary>The probability of every known category for the text, in the order of <see cref="Codes"/>.</summary>
    public float[] Distribution(string text) => DistributionOf(WordsOf(text));

    /// <summary>
    /// What the model reads: the concepts the text names and the segmented rest, the same words the
    /// duplicate check compares, so a report is segmented once.
    /// </summary>
    public static string WordsOf(string text) => string.Join(' ', Duplicates.ReportConcepts.Words(text));

    /// <summary>The same, for text already split into words (space-separated).</summary>
    public float[] DistributionOf(string words)
    {
        return _engines.Value!.Predict(new ReportInput { Label = "", Words = words }).Score ?? [];
    }

    /// <summary>The app keeps its model for its lifetime; this is for the tools that train several.</summary>
    public void Dispose() => _engines.Dispose();

    /// <summary>The best <paramref name="count"/> categories with their probabilities, best first.</summary>
    public IReadOnlyList<(string Code, float Probability)> Top(float[] distribution, int count) =>
        distribution.Select((p, i) => (Code: _codes[i], Probability: p)).OrderByDescending(x => x.Probability).Take(count).ToList();
}

/// <summary>ML.NET's input row: the label (category code) and the report's words joined by spaces.</summary>
public sealed class ReportInput
{
    public string Label { get; set; } = "";
    public string Words { get; set; } = "";
}

/// <summary>ML.NET's output row: one probability per category.</summary>
public sealed class ReportScores
{
    public float[]? Score { get; set; }
}
