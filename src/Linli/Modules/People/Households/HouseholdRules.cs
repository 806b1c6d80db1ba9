using Linli.Infrastructure.Protection;
using Linli.Modules.People.Contracts;
using Linli.Modules.People.Data;

namespace Linli.Modules.People.Households;

/// <summary>The checks every way into the household book shares (API, pages, demo data); errors by field, prefixed for nested ones.</summary>
internal static class HouseholdRules
{
    public const int MaxMembers = 30;

    public static void Household(HouseholdRequest request, Dictionary<string, string[]> errors)
    {
        Text(errors, "address", request.Address, 50, required: true, "the flat within the building, e.g. 2单元501");
        Text(errors, "headName", request.HeadName, 50, required: true, "the head of the household's name");
        Phone(errors, "headPhone", request.HeadPhone);
        if (request.MemberCount is < 0 or > MaxMembers)
        {
            errors["memberCount"] = [$"a whole number from 0 to {MaxMembers}"];
        }
        if (request.Residence is not null && !PeopleWords.IsOneOf(PeopleWords.Residences, request.Residence))
        {
            errors["residence"] = [$"must be one of {PeopleWords.Codes(PeopleWords.Residences)}"];
        }
        Tags(errors, "", request.CareTags, request.CareTagsConsent);
        Text(errors, "notes", request.Notes, 2000, required: false, "");
        if (request.Members is { Count: > MaxMembers })
        {
            errors["members"] = [$"at most {MaxMembers} members"];
        }
        for (var i = 0; i < (request.Members?.Count ?? 0); i++)
        {
            Member(request.Members![i], $"members[{i}].", errors);
        }
    }

    public static void Member(MemberRequest request, string prefix, Dictionary<string, string[]> errors)
    {
        Text(errors, prefix + "name", request.Name, 50, required: true, "the member's name");
        if (request.IdNumber is { Length: > 0 } id && !PersonalDataFormats.IsResidentId(id))
        {
            errors[prefix + "idNumber"] = ["not a valid 18-character resident ID number (GB 11643: birth date and check character)"];
        }
        if (request.Relation is not null && !PeopleWords.IsOneOf(PeopleWords.Relations, request.Relation))
        {
            errors[prefix + "relation"] = [$"must be one of {PeopleWords.Codes(PeopleWords.Relations)}"];
        }
        if (request.Gender is { Length: > 0 } && !PeopleWords.IsOneOf(PeopleWords.Genders, request.Gender))
        {
            errors[prefix + "gender"] = [$"must be one of {PeopleWords.Codes(PeopleWords.Genders)}"];
        }
        if (request.BirthYear is < 1900 or > 2100)
        {
            errors[prefix + "birthYear"] = ["a year from 1900 on"];
        }
        Phone(errors, prefix + "phone", request.Phone);
        Tags(errors, prefix, request.CareTags, request.CareTagsConsent);
    }

    public static void PartyMember(PartyMemberRequest request, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(request.Name) && string.IsNullOrWhiteSpace(request.UserId))
        {
            errors["name"] = ["give the party member's name, or their Linli account (userId)"];
        }
        Text(errors, "name", request.Name, 50, required: false, "");
        Text(errors, "userId", request.UserId, 64, required: false, "");
        Phone(errors, "phone", request.Phone);
    }

    /// <summary>The tags, de-duplicated in the order of <see cref="CareTags.All"/>, so equal sets compare equal.</summary>
    public static IReadOnlyList<string> Normalise(IReadOnlyList<string>? tags) =>
        tags is null ? [] : CareTags.All.Select(t => t.Code).Where(tags.Contains).ToList();

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static string? CleanPhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : PersonalDataFormats.Normalise(PersonalDataKind.Phone, phone);

    /// <summary>The year of birth a resident ID carries (digits 7-10).</summary>
    public static int? BirthYearOf(string? idNumber) =>
        idNumber is { Length: 18 } && int.TryParse(idNumber.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;

    private static void Tags(Dictionary<string, string[]> errors, string prefix, IReadOnlyList<string>? tags, bool? consent)
    {
        if (tags?.FirstOrDefault(t => !CareTags.IsKnown(t)) is { } unknown)
        {
            errors[prefix + "careTags"] = [$"'{unknown}' is not a care tag; use one of {string.Join(", ", CareTags.All.Select(t => t.Code))}"];
        }
        else if (tags is { Count: > 0 } && consent != true)
        {
            errors[prefix + "careTagsConsent"] = ["care tags are sensitive: record them only with the resident's consent (careTagsConsent: true)"];
        }
    }

    private static void Phone(Dictionary<string, string[]> errors, string field, string? phone)
    {
        if (phone is { Length: > 0 } && !PersonalDataFormats.IsMobile(phone))
        {
            errors[field] = ["not a mainland mobile number (11 digits starting with 1)"];
        }
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string? value, int max, bool required, string what)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"is required: {what}"];
        }
        else if (value is not null && value.Trim().Length > max)
        {
            errors[field] = [$"at most {max} characters"];
        }
    }
}
