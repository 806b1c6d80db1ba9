using System.Text.Json;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Traffic.Roads.ImportRoutes;

/// <summary>POST /api/v1/traffic/routes/import: the file as the body (application/geo+json) or as the form field "file".</summary>
internal static class ImportRoutesEndpoint
{
    /// <summary>A province's expressways drawn at 10 m are a few MB; more is a mistake or an attack.</summary>
    public const long MaxUpload = 20L << 20;

    public static async Task<Ok<RouteImportSummary>> Handle(HttpRequest request, LinliDb db, RouteImporter importer, IAccessControl access,
        IConfiguration configuration, CancellationToken ct)
    {
        var scope = await TrafficScope.OfAsync(access, request.HttpContext.User, Permissions.TrafficManage, configuration);
        using var document = await ReadAsync(request, ct);
        var (summary, errors) = await importer.ImportAsync(db, document.RootElement, scope, RouteImporter.Actor(request.HttpContext.User), ct);
        return summary is not null ? TypedResults.Ok(summary) : throw RouteImporter.Refused(errors);
    }

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxUpload)
        {
            throw new RequestValidationException("file", $"at most {MaxUpload >> 20} MB");
        }
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new RequestValidationException("file", "attach the .geojson file as the form field 'file'");
            if (file.Length > MaxUpload)
            {
                throw new RequestValidationException("file", $"at most {MaxUpload >> 20} MB");
            }
            await using var upload = file.OpenReadStream();
            return await ParseAsync(new LimitedStream(upload, MaxUpload), ct);
        }
        return await ParseAsync(new LimitedStream(request.Body, MaxUpload), ct);
    }

    public static async Task<JsonDocument> ParseAsync(Stream stream, CancellationToken ct)
    {
        try
        {
            return await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 16 }, ct);
        }
        catch (JsonException e)
        {
            throw new RequestValidationException("file", $"not valid JSON ({e.Message.Split('.')[0]})");
        }
        catch (InvalidDataException e)
        {
            throw new RequestValidationException("file", e.Message);
        }
    }

    /// <summary>Stops reading a body sent without a length (chunked) once it passes the cap.</summary>
    private sealed class LimitedStream(Stream inner, long max) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            return _read > max ? throw new InvalidDataException($"the file is larger than {max >> 20} MB") : n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
