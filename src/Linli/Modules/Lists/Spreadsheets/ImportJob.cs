using Linli.Infrastructure.Spreadsheets;
namespace Linli.Modules.Lists.Spreadsheets;

public enum ImportJobStatus
{
    Checking,
    Writing,
    Done,
    Refused,
    Failed,
}

/// <summary>
/// A spreadsheet import running in the background, kept in the database so that any node can
/// answer "how far along is it" while the node that took the upload works through the rows.
/// </summary>
public sealed class ImportJob
{
    private ImportJob()
    {
        Kind = FileName = CreatedBy = "";
    }

    public ImportJob(Guid id, string kind, string fileName, string createdBy, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        FileName = fileName;
        CreatedBy = createdBy;
        CreatedAt = UpdatedAt = now;
        Status = ImportJobStatus.Checking;
    }

    public Guid Id { get; private set; }
    public string Kind { get; private set; }
    public string FileName { get; private set; }
    public ImportJobStatus Status { get; private set; }
    public int TotalRows { get; private set; }
    public int CheckedRows { get; private set; }
    public int WrittenRows { get; private set; }

    /// <summary>The refusal's row errors as JSON (at most <see cref="ListImporter.MaxReportedErrors"/>), or the failure's reason.</summary>
    public string? Outcome { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Written at every step, so a job whose node died can be told from a slow one.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Progress(ImportJobStatus status, int total, int checkedRows, int written, DateTimeOffset now)
    {
        Status = status;
        TotalRows = total;
        CheckedRows = checkedRows;
        WrittenRows = written;
        UpdatedAt = now;
    }

    public void Finish(ImportJobStatus status, string? outcome, DateTimeOffset now)
    {
        Status = status;
        Outcome = outcome;
        UpdatedAt = now;
    }
}
