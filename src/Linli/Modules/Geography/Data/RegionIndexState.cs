namespace Linli.Modules.Geography.Data;

/// <summary>
/// One row whose version rises with every change to the region tree, in the same transaction.
/// Every node compares it with the version its in-memory index was built from and reloads when
/// it differs: that is how an import on one node reaches the others.
/// </summary>
public sealed class RegionIndexState
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;
    public long Version { get; private set; }

    public void Advance() => Version++;
}
