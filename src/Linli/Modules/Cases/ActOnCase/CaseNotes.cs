using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.QueryCases;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ActOnCase;

/// <summary>Public notes from other modules: <see cref="Case.AddPublicNote"/>, saved with the case's version check.</summary>
internal sealed class CaseNotes(LinliDb db, CalendarStore calendars, TimeProvider clock) : ICaseNotes
{
    public async Task<PublicNoteReceipt?> AddPublicNoteAsync(string caseNumber, string note, string author, object? data, CancellationToken ct)
    {
        var c = await db.Cases.Include(x => x.History).FirstOrDefaultAsync(x => x.Number == caseNumber, ct);
        if (c is null)
        {
            return null;
        }
        var category = await db.MinorCategories.AsNoTracking().FirstAsync(x => x.Code == c.CategoryCode, ct);
        var context = new CaseContext(clock.GetUtcNow(), null, author, await calendars.CurrentAsync(ct), category.DisposalLimit);
        var sequence = c.AddPublicNote(context, note, data);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleCaseException($"Case {c.Number} was changed by someone else at the same moment; try again.");
        }
        var step = c.History.Single(h => h.Sequence == sequence);
        return new PublicNoteReceipt(c.Id, c.Number, step.Id, CaseNames.Stage(c.Stage), CaseDirectory.IsResolved(c.Stage));
    }
}
