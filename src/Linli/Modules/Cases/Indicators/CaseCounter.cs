namespace Linli.Modules.Cases.Indicators;

/// <summary>
/// One running count: a metric of a scope (a region or a unit) in a period (a day or a month, in
/// Beijing time). Incremented in the same transaction as the case change it counts, so indicators
/// are read from a handful of rows instead of a scan of every case.
/// </summary>
public sealed class CaseCounter
{
    private CaseCounter()
    {
        Scope = "";
        Period = "";
        Metric = "";
    }

    public string Scope { get; private set; }
    public string Period { get; private set; }
    public string Metric { get; private set; }
    public long Value { get; private set; }
}
