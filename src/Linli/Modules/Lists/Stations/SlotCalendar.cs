using Linli.Modules.Lists.Data;
using static Linli.Modules.Lists.Merchants.AllianceSupport;

namespace Linli.Modules.Lists.Stations;

/// <summary>The slots a service offers on a day: its station's opening windows cut into slot-length pieces, China time.</summary>
internal static class SlotCalendar
{
    public static IEnumerable<(long StartMs, long EndMs)> Slots(IReadOnlyList<WeeklyWindow> opening, int slotMinutes, DateOnly date)
    {
        var day = (WeekDays)(1 << (((int)date.DayOfWeek + 6) % 7));
        var midnight = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaTime);
        var starts = new SortedSet<int>();
        foreach (var window in opening.Where(w => (w.Days & day) != 0))
        {
            for (var minute = window.StartMinute; minute + slotMinutes <= window.EndMinute; minute += slotMinutes)
            {
                starts.Add(minute);
            }
        }
        return starts.Select(m => (midnight.AddMinutes(m).ToUnixTimeMilliseconds(), midnight.AddMinutes(m + slotMinutes).ToUnixTimeMilliseconds()));
    }

    /// <summary>Whether a start time is one of the service's slots, and its end.</summary>
    public static long? EndOf(IReadOnlyList<WeeklyWindow> opening, int slotMinutes, DateTimeOffset start)
    {
        var startMs = start.ToUnixTimeMilliseconds();
        var date = DateOnly.FromDateTime(start.ToOffset(ChinaTime).DateTime);
        foreach (var slot in Slots(opening, slotMinutes, date))
        {
            if (slot.StartMs == startMs)
            {
                return slot.EndMs;
            }
        }
        return null;
    }

    /// <summary>Places a week: every slot of a typical week times the places per slot; the service's capacity on the resource list.</summary>
    public static int PlacesPerWeek(IReadOnlyList<WeeklyWindow> opening, int slotMinutes, int capacityPerSlot)
    {
        var monday = new DateOnly(2024, 1, 1);
        return Enumerable.Range(0, 7).Sum(d => Slots(opening, slotMinutes, monday.AddDays(d)).Count()) * capacityPerSlot;
    }
}
