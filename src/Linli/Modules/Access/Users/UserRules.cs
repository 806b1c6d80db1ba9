using System.Text.RegularExpressions;
using Linli.Infrastructure.Protection;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Access.Data;
using Linli.Modules.Geography.Contracts;

namespace Linli.Modules.Access.Users;

/// <summary>Field checks for accounts, collected per field so a form can show them all at once.</summary>
internal static partial class UserRules
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$")]
    private static partial Regex UsernamePattern();

    public static void CheckUsername(string? username, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(username))
        {
            errors["username"] = ["is required"];
        }
        else if (!UsernamePattern().IsMatch(username))
        {
            errors["username"] = ["3-64 characters: letters, digits, '.', '_', '@' and '-', starting with a letter or digit"];
        }
    }

    public static void CheckDisplayName(string? name, bool required, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (required) errors["displayName"] = ["is required"];
        }
        else if (name.Trim().Length > 50)
        {
            errors["displayName"] = ["at most 50 characters"];
        }
    }

    public static void CheckPhone(string? phone, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(phone) && !PersonalDataFormats.IsMobile(phone))
        {
            errors["phone"] = ["must be an 11-digit mainland mobile number such as 13812345678"];
        }
    }

    public static void CheckIdNumber(string? idNumber, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(idNumber) && !PersonalDataFormats.IsResidentId(idNumber))
        {
            errors["idNumber"] = ["must be an 18-character resident ID number (GB 11643) with a valid date and check character"];
        }
    }

    public static List<StaffAssignment> CheckAssignments(List<AssignmentDto>? assignments, IRegionLookup regions, Dictionary<string, string[]> errors)
    {
        var result = new List<StaffAssignment>();
        if (assignments is null || assignments.Count == 0)
        {
            errors["assignments"] = ["at least one role is required"];
            return result;
        }
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            var field = $"assignments[{i}]";
            if (a is null || string.IsNullOrWhiteSpace(a.Role) || !Roles.All.Contains(a.Role))
            {
                errors[$"{field}.role"] = [$"must be one of {string.Join(", ", Roles.All)}"];
                continue;
            }
            if (Roles.RegionScoped.Contains(a.Role))
            {
                if (string.IsNullOrWhiteSpace(a.Scope))
                {
                    errors[$"{field}.scope"] = [$"a {a.Role} needs a scope: the code of the region they cover"];
                    continue;
                }
                if (regions.PathTo(a.Scope).Count == 0)
                {
                    errors[$"{field}.scope"] = [$"region {a.Scope} does not exist"];
                    continue;
                }
            }
            else if (Roles.DepartmentScoped.Contains(a.Role))
            {
                if (string.IsNullOrWhiteSpace(a.Department))
                {
                    errors[$"{field}.department"] = [$"a {a.Role} needs a department: the code of their unit"];
                    continue;
                }
            }
            else if (a.Role == Roles.Admin && (a.Scope is not null || a.Department is not null))
            {
                errors[$"{field}.scope"] = ["an admin's assignment covers everything and takes no scope or department"];
                continue;
            }
            else if (a.Scope is not null && regions.PathTo(a.Scope).Count == 0)
            {
                errors[$"{field}.scope"] = [$"region {a.Scope} does not exist"];
                continue;
            }
            result.Add(new StaffAssignment { Role = a.Role, Scope = a.Scope?.Trim(), Department = a.Department?.Trim() });
        }
        return result;
    }
}
