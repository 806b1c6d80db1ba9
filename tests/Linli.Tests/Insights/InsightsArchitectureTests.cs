using System.Text.RegularExpressions;

namespace Linli.Tests.Insights;

/// <summary>
/// Insights is the reporting module: it may read Cases' data, but reaches Geography and Access
/// only through their Contracts (ARCHITECTURE.md rule 1).
/// </summary>
public sealed partial class InsightsArchitectureTests
{
    [Fact]
    public void Insights_uses_only_the_contracts_of_Geography_and_Access()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "Linli", "Modules", "Insights");
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)).ToList();

        var offending = files.SelectMany(f => OtherModuleInternals().Matches(File.ReadAllText(f))
            .Select(m => $"{Path.GetRelativePath(folder, f)}: {m.Value}")).ToList();

        Assert.NotEmpty(files);
        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    [GeneratedRegex(@"Linli\.Modules\.(Geography|Access)\.(?!Contracts\b)\w+")]
    private static partial Regex OtherModuleInternals();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linli.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Linli.slnx not found above the test binaries.");
    }
}
