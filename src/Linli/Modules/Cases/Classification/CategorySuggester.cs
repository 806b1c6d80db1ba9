using System.Collections.Concurrent;

namespace Linli.Modules.Cases.Classification;

/// <summary>One suggested minor category with the model's probability for it.</summary>
public sealed record CategorySuggestion(string Code, string Name, double Confidence);

/// <summary>
/// Holds the trained category model. It is trained from the shipped corpus once per process (and
/// saved under <c>Linli:ModelsPath</c>, so a restart with the same corpus loads it in a fraction of
/// a second); training starts with the app and takes a few seconds, and until it is done
/// suggestions wait for it.
/// </summary>
public sealed class CategorySuggester(IConfiguration configuration, IHostEnvironment environment, ILogger<CategorySuggester> logger)
{
    // Shared by every app in the process (tests start many): the corpus is the same, so is the model.
    private static readonly ConcurrentDictionary<string, Lazy<Task<CategoryModel>>> Trained = new();

    private Task<CategoryModel>? _model;

    public Task<CategoryModel> ModelAsync() => _model ??= LoadOrTrain();

    /// <summary>The best three categories for the text, best first, among the categories the city has.</summary>
    public async Task<IReadOnlyList<CategorySuggestion>> SuggestAsync(string text, IReadOnlyDictionary<string, string> namesByCode, int count = 3) =>
        await SuggestAsync((await ModelAsync()).Distribution(text), namesByCode, count);

    /// <summary>The same from the model's reading of the text, when intake has it already.</summary>
    public async Task<IReadOnlyList<CategorySuggestion>> SuggestAsync(float[] distribution, IReadOnlyDictionary<string, string> namesByCode, int count = 3)
    {
        var model = await ModelAsync();
        return model.Top(distribution, model.Codes.Count)
            .Where(x => namesByCode.ContainsKey(x.Code))
            .Take(count)
            .Select(x => new CategorySuggestion(x.Code, namesByCode[x.Code], Math.Round(x.Probability, 4)))
            .ToList();
    }

    private Task<CategoryModel> LoadOrTrain()
    {
        var corpus = SuggestionCorpus.All;
        var fingerprint = SuggestionCorpus.Fingerprint(corpus);
        var folder = configuration["Linli:ModelsPath"] ?? "data/models";
        var path = Path.Combine(Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder), $"categories-{fingerprint}.zip");
        return Trained.GetOrAdd(path, p => new Lazy<Task<CategoryModel>>(() => Task.Run(() => LoadOrTrain(p, corpus)))).Value;
    }

    private CategoryModel LoadOrTrain(string path, IReadOnlyList<LabelledReport> corpus)
    {
        if (File.Exists(path))
        {
            try
            {
                using var saved = File.OpenRead(path);
                return CategoryModel.Load(saved);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
            {
                logger.LogWarning(e, "The saved category model {Path} could not be read; training again", path);
            }
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var model = CategoryModel.Train(corpus);
        logger.LogInformation("Trained the category model on {Count} reports in {Seconds:F1} s", corpus.Count, started.Elapsed.TotalSeconds);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            using (var file = File.Create(temporary))
            {
                model.Save(file);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "Could not save the category model to {Path}; it will be trained again at the next start", path);
        }
        return model;
    }
}

/// <summary>Ready once the model is trained or loaded: intake reads every report with it.</summary>
internal sealed class CategoryModelHealthCheck(CategorySuggester suggester) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var model = suggester.ModelAsync();
        return Task.FromResult(model.IsCompletedSuccessfully ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy()
            : model.IsFaulted ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("the category model failed to train", model.Exception)
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("the category model is still training"));
    }
}

/// <summary>Starts training when the app starts, so the first report does not wait for it.</summary>
internal sealed class CategoryModelWarmUp(CategorySuggester suggester) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => suggester.ModelAsync();
}
