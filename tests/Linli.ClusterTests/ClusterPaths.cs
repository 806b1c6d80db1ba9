namespace Linli.ClusterTests;

internal static class ClusterPaths
{
    /// <summary>The repository root: the folder holding Linli.slnx, above the test's output folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>src/Linli: the app's content root (wwwroot, appsettings), with the build in bin/Release.</summary>
    public static string AppDirectory => Path.Combine(RepositoryRoot, "src", "Linli");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Linli.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Linli.slnx not found above " + AppContext.BaseDirectory);
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
