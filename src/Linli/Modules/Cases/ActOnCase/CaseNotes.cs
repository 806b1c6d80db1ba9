using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Cases.Calendar;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Cases.Data;
using Linli.Modules.Cases.QueryCases;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Cases.ActOnCase;

/// <summary>
/// Public notes from other modules: <see cref="Case.AddPublicNote"/>, saved with the case's version
/// check, and put in the inboxes of the people on the case (a resident who writes again through an
/// Open311 app is waiting for an answer).
/// </summary>
internal sealed class CaseNotes(LinliDb db, CalendarStore calendars, Notifications.CaseNotifier notifier, TimeProvider clock) : ICaseNotes
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
        var text = Notifications.CaseNotifier.Describe(c, "public-note");
        db.CaseNotifications.Add(Notifications.CaseNotifier.For(c, "public-note", text, context.Now.ToUnixTimeMilliseconds()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new StaleCaseException($"Case {c.Number} was changed by someone else at the same moment; try again.");
        }
        await notifier.PushAsync(c, "public-note", text);
        var step = c.History.Single(h => h.Sequence == sequence);
        return new PublicNoteReceipt(c.Id, c.Number, step.Id, CaseNames.Stage(c.Stage), CaseDirectory.IsResolved(c.Stage));
    }
}
