namespace Linli.Infrastructure.Files;

/// <summary>Where uploaded files live. The default is a local folder; a city can put object storage behind it.</summary>
public interface IFileStore
{
    Task SaveAsync(string path, Stream content, CancellationToken ct);

    Task<Stream?> OpenReadAsync(string path, CancellationToken ct);
}

/// <summary>Files under <c>Linli:FilesPath</c> (default <c>data/files</c>), written to a temporary name and renamed into place.</summary>
internal sealed class LocalFileStore(string root) : IFileStore
{
    public async Task SaveAsync(string path, Stream content, CancellationToken ct)
    {
        var target = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + ".part";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await content.CopyToAsync(file, ct);
        }
        File.Move(temporary, target, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken ct)
    {
        var target = Resolve(path);
        return Task.FromResult<Stream?>(File.Exists(target) ? new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true) : null);
    }

    // Paths are ours (ids), never a client's; the check keeps it that way.
    private string Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(Path.GetFullPath(root), StringComparison.Ordinal) ? full : throw new ArgumentException("Path escapes the file store.", nameof(path));
    }
}
