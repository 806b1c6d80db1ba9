namespace Linli.Modules.Cases.Calendar;

/// <summary>
/// One year of the national holiday arrangement as admins keep it: public holidays, make-up
/// working days and the working periods of a day. Stored as its JSON document.
/// </summary>
public sealed class CalendarYear
{
    private CalendarYear()
    {
        Document = "";
    }

    public CalendarYear(int year, string document)
    {
        Year = year;
        Document = document;
    }

    public int Year { get; private set; }
    public string Document { get; private set; }

    public void Replace(string document) => Document = document;
}

public sealed record HolidayDto(string? Name, DateOnly From, DateOnly To);

public sealed record PeriodDto(string Start, string End);

/// <summary>The JSON shape of a year, in the API and in the shipped data.</summary>
public sealed record CalendarYearDto(
    int Year,
    bool Provisional,
    string? Source,
    IReadOnlyList<PeriodDto>? WorkingHours,
    IReadOnlyList<HolidayDto>? Holidays,
    IReadOnlyList<DateOnly>? Workdays);
