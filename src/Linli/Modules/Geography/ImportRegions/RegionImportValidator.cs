using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.Data;

namespace Linli.Modules.Geography.ImportRegions;

/// <summary>What the validator needs to know about the regions already stored.</summary>
internal interface IStoredRegions
{
    Task<Dictionary<string, StoredRegion>> FindAsync(IReadOnlyCollection<string> codes, CancellationToken ct);
    Task<List<StoredRegion>> ChildrenOfAsync(IReadOnlyCollection<string> parentCodes, CancellationToken ct);
}

/// <summary>
/// Checks every feature of an import against every rule and collects one entry per bad feature,
/// so that a city's GIS team can fix a file in one round rather than one error at a time.
/// </summary>
internal sealed class RegionImportValidator
{
    private readonly SortedDictionary<int, (string? Code, List<string> Reasons)> _errors = [];

    public IReadOnlyList<ImportError> Errors =>
        _errors.Select(e => new ImportError(e.Key, e.Value.Code, string.Join("; ", e.Value.Reasons))).ToList();

    public async Task<List<ImportCandidate>> ValidateAsync(List<RawFeature> features, IStoredRegions stored, CancellationToken ct)
    {
        var candidates = new List<ImportCandidate>(features.Count);
        foreach (var feature in features)
        {
            var candidate = FeatureChecks.Check(feature, reason => Fail(feature.Index, feature.Code, reason));
            if (candidate is not null)
            {
                candidates.Add(candidate);
            }
        }

        var byCode = new Dictionary<string, ImportCandidate>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!byCode.TryAdd(candidate.Code, candidate))
            {
                Fail(candidate, $"duplicate code: feature {byCode[candidate.Code].Index} has the same code");
            }
        }
        var alreadyStored = await stored.FindAsync(byCode.Keys, ct);
        foreach (var candidate in candidates.Where(c => alreadyStored.ContainsKey(c.Code)))
        {
            Fail(candidate, $"duplicate code: region {candidate.Code} already exists");
        }

        var storedParentCodes = candidates
            .Select(c => c.ParentCode)
            .OfType<string>()
            .Where(p => !byCode.ContainsKey(p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var storedParents = await stored.FindAsync(storedParentCodes, ct);
        CheckTree(candidates, byCode, storedParents);

        var spatial = new SpatialChecks(Fail);
        spatial.CheckContainment(candidates, byCode, storedParents, IsBad);
        var storedSiblings = await stored.ChildrenOfAsync(storedParents.Keys, ct);
        spatial.CheckSiblingOverlaps(candidates, storedSiblings);
        return candidates;
    }

    private void CheckTree(List<ImportCandidate> candidates, Dictionary<string, ImportCandidate> byCode,
        Dictionary<string, StoredRegion> storedParents)
    {
        foreach (var candidate in candidates)
        {
            RegionLevel? parentLevel = null;
            if (candidate.ParentCode is null)
            {
                if (!candidate.Level.MayBeRoot())
                {
                    Fail(candidate, $"missing properties: parentCode (only a city or a district may be the top of a tree, not a {candidate.Level.ToName()})");
                }
            }
            else if (candidate.ParentCode == candidate.Code)
            {
                Fail(candidate, "unknown parent: a region cannot be its own parent");
                continue;
            }
            else if (byCode.TryGetValue(candidate.ParentCode, out var parent))
            {
                parentLevel = parent.Level;
            }
            else if (storedParents.TryGetValue(candidate.ParentCode, out var storedParent))
            {
                parentLevel = storedParent.Level;
            }
            else
            {
                Fail(candidate, $"unknown parent '{candidate.ParentCode}': not in this file and not stored");
                continue;
            }
            if (parentLevel is { } pl && !candidate.Level.AllowedParents().Contains(pl))
            {
                var expected = string.Join(" or ", candidate.Level.AllowedParents().Select(l => l.ToName()));
                Fail(candidate, $"level out of order: a {candidate.Level.ToName()} cannot sit under a {pl.ToName()}"
                    + (expected.Length > 0 ? $" (its parent must be a {expected})" : " (it must be the top of the tree)"));
                continue;
            }
            if (RegionCodes.Check(candidate.Code, candidate.Level, candidate.ParentCode, parentLevel) is { } codeProblem)
            {
                Fail(candidate, codeProblem);
            }
        }
    }

    private bool IsBad(ImportCandidate candidate) => _errors.ContainsKey(candidate.Index);

    private void Fail(ImportCandidate candidate, string reason) => Fail(candidate.Index, candidate.Code, reason);

    private void Fail(int index, string? code, string reason)
    {
        if (!_errors.TryGetValue(index, out var entry))
        {
            entry = (code, []);
            _errors[index] = entry;
        }
        if (!entry.Reasons.Contains(reason))
        {
            entry.Reasons.Add(reason);
        }
    }
}
