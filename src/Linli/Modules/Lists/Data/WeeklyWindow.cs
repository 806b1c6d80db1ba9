using System.Globalization;
using System.Text;

namespace Linli.Modules.Lists.Data;

/// <summary>
/// A time that recurs every week: some days, one span of the day ("Tue,Thu 11:00-12:00",
/// "周二,周四 11:00-12:00", "Mon-Fri 08:00-17:30", "daily 00:00-24:00"). Needs and offers
/// carry a list of them; the matching asks whether two lists overlap and where.
/// </summary>
public readonly record struct WeeklyWindow(WeekDays Days, TimeOnly From, TimeOnly To, bool ToMidnight = false)
{
    private static readonly string[] English = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] Chinese = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    /// <summary>Minutes from midnight at the end; 1440 when the window runs to midnight.</summary>
    public int EndMinute => ToMidnight ? 24 * 60 : (To.Hour * 60) + To.Minute;

    public int StartMinute => (From.Hour * 60) + From.Minute;

    /// <summary>The shared days and hours of two windows, or null when they never meet.</summary>
    public WeeklyWindow? Overlap(WeeklyWindow other)
    {
        var days = Days & other.Days;
        var start = Math.Max(StartMinute, other.StartMinute);
        var end = Math.Min(EndMinute, other.EndMinute);
        if (days == WeekDays.None || end <= start)
        {
            return null;
        }
        return new WeeklyWindow(days, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start)),
            end == 24 * 60 ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(end)), end == 24 * 60);
    }

    /// <summary>Minutes a week the window covers.</summary>
    public int MinutesPerWeek => System.Numerics.BitOperations.PopCount((uint)Days) * (EndMinute - StartMinute);

    public override string ToString() => Format(English);

    public string ToChinese() => Format(Chinese);

    private string Format(string[] names)
    {
        var text = new StringBuilder();
        if (Days == WeekDays.All)
        {
            text.Append(names == Chinese ? "每天" : "daily");
        }
        else
        {
            var days = Days;
            text.AppendJoin(names == Chinese ? "、" : "/", Enumerable.Range(0, 7).Where(i => days.HasFlag((WeekDays)(1 << i))).Select(i => names[i]));
        }
        text.Append(' ').Append(From.ToString("HH:mm", CultureInfo.InvariantCulture)).Append('-')
            .Append(ToMidnight ? "24:00" : To.ToString("HH:mm", CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>Reads one window; the error says what is wrong in words a spreadsheet user understands.</summary>
    public static bool TryParse(string? text, out WeeklyWindow window, out string error)
    {
        window = default;
        error = "";
        var trimmed = text?.Trim() ?? "";
        var space = trimmed.LastIndexOf(' ');
        if (space <= 0)
        {
            error = $"'{text}' is not a weekly window like 'Tue,Thu 11:00-12:00'";
            return false;
        }
        if (!TryParseDays(trimmed[..space], out var days))
        {
            error = $"'{trimmed[..space]}' names no days (use Mon…Sun, 周一…周日, ranges like Mon-Fri, or daily/每天)";
            return false;
        }
        var hours = trimmed[(space + 1)..].Split('-', StringSplitOptions.TrimEntries);
        if (hours.Length != 2 || !TimeOnly.TryParseExact(hours[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            error = $"'{trimmed[(space + 1)..]}' is not a span of the day like 11:00-12:00";
            return false;
        }
        var toMidnight = hours[1] == "24:00";
        var to = TimeOnly.MinValue;
        if (!toMidnight && !TimeOnly.TryParseExact(hours[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out to))
        {
            error = $"'{hours[1]}' is not a time like 12:00";
            return false;
        }
        window = new WeeklyWindow(days, from, to, toMidnight);
        if (window.EndMinute <= window.StartMinute)
        {
            error = $"'{trimmed}' ends before it starts";
            return false;
        }
        return true;
    }

    public static WeeklyWindow Parse(string text) =>
        TryParse(text, out var window, out var error) ? window : throw new FormatException(error);

    private static bool TryParseDays(string text, out WeekDays days)
    {
        days = WeekDays.None;
        foreach (var part in text.Split([',', '、', '，', '/', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part is "daily" or "Daily" or "每天" or "每日")
            {
                days |= WeekDays.All;
                continue;
            }
            var range = part.Split(['-', '至', '~'], StringSplitOptions.TrimEntries);
            var first = DayIndex(range[0]);
            var last = range.Length == 2 ? DayIndex(range[1]) : first;
            if (first < 0 || last < 0 || range.Length > 2 || last < first)
            {
                days = WeekDays.None;
                return false;
            }
            for (var i = first; i <= last; i++)
            {
                days |= (WeekDays)(1 << i);
            }
        }
        return days != WeekDays.None;
    }

    private static int DayIndex(string name)
    {
        for (var i = 0; i < 7; i++)
        {
            if (name.Equals(English[i], StringComparison.OrdinalIgnoreCase) || name == Chinese[i] || name == "星期" + Chinese[i][1..])
            {
                return i;
            }
        }
        return name is "周天" or "星期天" ? 6 : -1;
    }
}

/// <summary>Days of the week as flags, Monday first as Chinese calendars count them.</summary>
[Flags]
public enum WeekDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    All = 127,
}

/// <summary>Lists of windows, as stored ("Tue,Thu 11:00-12:00; Sat 09:00-11:00").</summary>
public static class WeeklyWindows
{
    public static string Store(IEnumerable<WeeklyWindow> windows) => string.Join("; ", windows);

    public static IReadOnlyList<WeeklyWindow> Load(string? stored) =>
        string.IsNullOrWhiteSpace(stored) ? [] : stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(WeeklyWindow.Parse).ToList();

    /// <summary>
    /// Whether a need's and an offer's windows meet, and where. An empty list on either side
    /// means "any time", so the other side's windows are the shared ones.
    /// </summary>
    public static bool Meet(IReadOnlyList<WeeklyWindow> a, IReadOnlyList<WeeklyWindow> b, out IReadOnlyList<WeeklyWindow> shared)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            shared = a.Count == 0 ? b : a;
            return true;
        }
        shared = [.. a.SelectMany(x => b.Select(y => x.Overlap(y))).OfType<WeeklyWindow>()];
        return shared.Count > 0;
    }
}
