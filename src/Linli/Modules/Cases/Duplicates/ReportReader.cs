using System.Collections.Concurrent;
using Linli.Modules.Cases.Classification;

namespace Linli.Modules.Cases.Duplicates;

/// <summary>
/// Reads reports into <see cref="ReportText"/>: once for each new report, and once per open case
/// that later reports are compared with (kept, since a burst of reports compares with the same
/// few cases over and over).
/// </summary>
public sealed class ReportReader(CategorySuggester suggester)
{
    private const int MaxRemembered = 20_000;

    private static readonly Lazy<WordRarity> Rarity = new(() => new WordRarity(SuggestionCorpus.All.Select(r => r.Text)));

    private readonly ConcurrentDictionary<Guid, ReportText> _cases = new();

    public async Task<ReportText> ReadAsync(string text) => ReportText.Read(text, await suggester.ModelAsync(), Rarity.Value);

    public ReportText? Remembered(Guid caseId) => _cases.TryGetValue(caseId, out var text) ? text : null;

    /// <summary>A case just opened: its reading is kept for the reports that will be compared with it.</summary>
    public void Remember(Guid caseId, ReportText text)
    {
        if (_cases.Count >= MaxRemembered)
        {
            _cases.Clear();
        }
        _cases[caseId] = text;
    }

    public async Task<ReportText> ReadCaseAsync(Guid caseId, string description)
    {
        if (_cases.TryGetValue(caseId, out var known))
        {
            return known;
        }
        var text = await ReadAsync(description);
        Remember(caseId, text);
        return text;
    }

}
