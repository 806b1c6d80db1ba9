using Linli.Modules.Cases.Calendar;

namespace Linli.Modules.Cases.Categories;

/// <summary>Checks of a taxonomy document, every problem with the path of its field.</summary>
internal static class CategoryRules
{
    public static void CheckDocument(CategoryDocument? document, ISet<string> unitCodes, Dictionary<string, string[]> errors)
    {
        if (document?.Majors is not { Count: > 0 } majors)
        {
            errors["majors"] = ["at least one major class is required"];
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < majors.Count; i++)
        {
            var major = majors[i];
            var path = $"majors[{i}]";
            if (string.IsNullOrWhiteSpace(major.Code) || major.Code.Length != 2 || !major.Code.All(char.IsAsciiDigit))
            {
                errors[$"{path}.code"] = ["a major class code has 2 digits"];
            }
            else if (!seen.Add(major.Code))
            {
                errors[$"{path}.code"] = [$"code {major.Code} appears twice"];
            }
            CheckNames(major.Names, path, errors);
            if (!CategoryKinds.All.Contains(major.Kind ?? ""))
            {
                errors[$"{path}.kind"] = [$"must be one of {string.Join(", ", CategoryKinds.All)}"];
            }
            var minors = major.Minors ?? [];
            for (var j = 0; j < minors.Count; j++)
            {
                CheckMinor(minors[j], major.Code ?? "", $"{path}.minors[{j}]", unitCodes, errors);
                if (minors[j].Code is { } code && !seen.Add(code))
                {
                    errors[$"{path}.minors[{j}].code"] = [$"code {code} appears twice"];
                }
            }
        }
    }

    public static void CheckMinor(MinorCategoryDto minor, string majorCode, string path, ISet<string> unitCodes, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(minor.Code) || minor.Code.Length != 4 || !minor.Code.All(char.IsAsciiDigit))
        {
            errors[$"{path}.code"] = ["a minor class code has 4 digits"];
        }
        else if (!minor.Code.StartsWith(majorCode, StringComparison.Ordinal))
        {
            errors[$"{path}.code"] = [$"a minor class code starts with its major class code {majorCode}"];
        }
        CheckNames(minor.Names, path, errors);
        if (minor.DisposalLimit is null || minor.DisposalLimit.Value is <= 0 or > 10_000)
        {
            errors[$"{path}.disposalLimit.value"] = ["a positive number is required"];
        }
        if (!TimeLimit.TryParseUnit(minor.DisposalLimit?.Unit, out _))
        {
            errors[$"{path}.disposalLimit.unit"] = [$"must be one of {TimeLimit.UnitNames}"];
        }
        if (minor.DefaultPriority is not null && !Priorities.All.Contains(minor.DefaultPriority))
        {
            errors[$"{path}.defaultPriority"] = [$"must be one of {string.Join(", ", Priorities.All)}"];
        }
        if (!string.IsNullOrWhiteSpace(minor.DefaultUnit) && !unitCodes.Contains(minor.DefaultUnit.Trim()))
        {
            errors[$"{path}.defaultUnit"] = [$"unit {minor.DefaultUnit} does not exist"];
        }
        if (minor.Duplicates?.RadiusMeters is { } radius && radius is < 0 or > Duplicates.DuplicateWindow.MaxRadiusMeters)
        {
            errors[$"{path}.duplicates.radiusMeters"] = [$"metres from 0 (never merge) to {Duplicates.DuplicateWindow.MaxRadiusMeters}"];
        }
        if (minor.Duplicates?.WindowHours is { } hours && hours is < 0 or > 24 * 90)
        {
            errors[$"{path}.duplicates.windowHours"] = ["hours from 0 (never merge) to 2,160 (90 days)"];
        }
        Targets.MilestoneTargets.Check(minor.Targets, $"{path}.targets", errors);
    }

    private static void CheckNames(NamesDto? names, string path, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(names?.Zh) || names.Zh.Length > 50)
        {
            errors[$"{path}.names.zh"] = ["a Chinese name of at most 50 characters is required"];
        }
        if (string.IsNullOrWhiteSpace(names?.En) || names.En.Length > 100)
        {
            errors[$"{path}.names.en"] = ["an English name of at most 100 characters is required"];
        }
    }
}
