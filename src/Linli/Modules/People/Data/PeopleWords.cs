namespace Linli.Modules.People.Data;

/// <summary>The words the household book's fields may take, with their names on the pages.</summary>
public static class PeopleWords
{
    /// <summary>常住 (owner or long-term resident), 租住 (tenant), 空置 (empty).</summary>
    public static IReadOnlyList<(string Code, string Chinese, string English)> Residences { get; } =
    [
        ("permanent", "常住", "Permanent"),
        ("renting", "租住", "Renting"),
        ("vacant", "空置", "Vacant"),
    ];

    public static IReadOnlyList<(string Code, string Chinese, string English)> Relations { get; } =
    [
        ("head", "户主", "Head"),
        ("spouse", "配偶", "Spouse"),
        ("child", "子女", "Child"),
        ("parent", "父母", "Parent"),
        ("grandchild", "孙子女", "Grandchild"),
        ("sibling", "兄弟姐妹", "Sibling"),
        ("tenant", "租客", "Tenant"),
        ("other", "其他", "Other"),
    ];

    public static IReadOnlyList<(string Code, string Chinese, string English)> Genders { get; } =
    [
        ("female", "女", "Female"),
        ("male", "男", "Male"),
    ];

    /// <summary>入户 (at the door), 电话 (by phone), 回访 (a return visit after a need was met).</summary>
    public static IReadOnlyList<(string Code, string Chinese, string English)> VisitKinds { get; } =
    [
        ("door", "入户", "At home"),
        ("phone", "电话", "By phone"),
        ("follow-up", "回访", "Follow-up"),
    ];

    public static bool IsOneOf(IReadOnlyList<(string Code, string Chinese, string English)> words, string? code) =>
        words.Any(w => w.Code == code);

    public static string Codes(IReadOnlyList<(string Code, string Chinese, string English)> words) => string.Join(", ", words.Select(w => w.Code));

    public static (string Chinese, string English) Name(IReadOnlyList<(string Code, string Chinese, string English)> words, string? code)
    {
        var word = words.FirstOrDefault(w => w.Code == code);
        return word.Code is null ? (code ?? "", code ?? "") : (word.Chinese, word.English);
    }
}
