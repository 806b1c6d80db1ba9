using System.Globalization;
using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Files;
using Linli.Modules.Inspections.Checklists;
using Linli.Modules.Inspections.Data;

namespace Linli.Modules.Inspections.Hazards.RecordInspection;

/// <summary>What the phone sends when an inspection is recorded, read from the multipart form.</summary>
internal sealed record RecordForm(Dictionary<string, ChecklistAnswer> Answers, string? Outcome, string? SignerName, string? Note,
    double? Lon, double? Lat, List<ProcessedPhoto> Photos, byte[]? Signature)
{
    public const int MaxSignatureBytes = 512 * 1024;

    /// <summary>
    /// Answers come as one JSON field <c>answers</c> ({"leak-test": {"result": "ok", "note": ""}} or
    /// {"leak-test": "ok"}), or as fields <c>answer.{code}</c> and <c>note.{code}</c> (the page's form).
    /// The signature is a PNG file <c>signature</c> or a canvas data URL in the field of that name.
    /// </summary>
    public static async Task<RecordForm> ReadAsync(IFormCollection form, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var answers = new Dictionary<string, ChecklistAnswer>(StringComparer.Ordinal);
        if (form["answers"].ToString() is { Length: > 0 } json)
        {
            try
            {
                using var doc = JsonDocument.Parse(json);
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    answers[p.Name] = p.Value.ValueKind == JsonValueKind.String
                        ? new ChecklistAnswer(p.Value.GetString()!)
                        : new ChecklistAnswer(p.Value.TryGetProperty("result", out var r) ? r.GetString() ?? "" : "",
                            p.Value.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                errors["answers"] = ["must be a JSON object of item code → ok|fail|na or {result, note}"];
            }
        }
        foreach (var key in form.Keys.Where(k => k.StartsWith("answer.", StringComparison.Ordinal)))
        {
            var code = key["answer.".Length..];
            var itemNote = form[$"note.{code}"].ToString();
            answers[code] = new ChecklistAnswer(form[key].ToString(), itemNote.Length > 0 ? itemNote : null);
        }
        var outcome = Text(form, "outcome");
        if (outcome is not null && !InspectionOutcomes.All.Contains(outcome)) errors["outcome"] = [$"must be one of {string.Join(", ", InspectionOutcomes.All)}"];
        var signer = Text(form, "signerName");
        if (signer?.Length > 64) errors["signerName"] = ["at most 64 characters"];
        var note = Text(form, "note");
        if (note?.Length > 2000) errors["note"] = ["at most 2,000 characters"];
        var lon = Number(form, "lon", -180, 180, errors);
        var lat = Number(form, "lat", -90, 90, errors);
        var signature = await SignatureAsync(form, errors, ct);
        if (errors.Count > 0) throw new RequestValidationException(errors);
        var photos = await PhotosAsync(form, ct);
        return new RecordForm(answers, outcome, signer, note, lon, lat, photos, signature);
    }

    private static string? Text(IFormCollection form, string name) => form[name].ToString().Trim() is { Length: > 0 } v ? v : null;

    private static double? Number(IFormCollection form, string name, double min, double max, Dictionary<string, string[]> errors)
    {
        if (Text(form, name) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors[name] = [$"a number between {min} and {max}"];
        return null;
    }

    private static async Task<byte[]?> SignatureAsync(IFormCollection form, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        byte[]? bytes = null;
        if (form.Files.GetFile("signature") is { Length: > 0 } file)
        {
            if (file.Length > MaxSignatureBytes) { errors["signature"] = ["at most 512 KB"]; return null; }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        else if (Text(form, "signature") is { } dataUrl)
        {
            const string prefix = "data:image/png;base64,";
            if (!dataUrl.StartsWith(prefix, StringComparison.Ordinal)) { errors["signature"] = ["a PNG data URL (data:image/png;base64,…) or a PNG file"]; return null; }
            try { bytes = Convert.FromBase64String(dataUrl[prefix.Length..]); }
            catch (FormatException) { errors["signature"] = ["the data URL is not valid base64"]; return null; }
            if (bytes.Length > MaxSignatureBytes) { errors["signature"] = ["at most 512 KB"]; return null; }
        }
        // A PNG starts with its 8-byte signature; anything else is not what the pad draws.
        if (bytes is not null && (bytes.Length < 8 || bytes[0] != 0x89 || bytes[1] != 0x50 || bytes[2] != 0x4E || bytes[3] != 0x47))
        {
            errors["signature"] = ["must be a PNG image"];
            return null;
        }
        return bytes;
    }

    private static async Task<List<ProcessedPhoto>> PhotosAsync(IFormCollection form, CancellationToken ct)
    {
        var uploads = form.Files.Where(f => f.Name is "photos" or "photo").Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (uploads.Count > PhotoProcessor.MaxPhotos)
        {
            throw new RequestValidationException("photos", $"at most {PhotoProcessor.MaxPhotos} photos, not {uploads.Count}");
        }
        var processed = new List<ProcessedPhoto>();
        for (var i = 0; i < uploads.Count; i++)
        {
            await using var stream = uploads[i].OpenReadStream();
            processed.Add(await PhotoProcessor.ProcessAsync(stream, $"photos[{i}]", ct));
        }
        return processed;
    }
}
