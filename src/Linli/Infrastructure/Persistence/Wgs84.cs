using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Linli.Infrastructure.Persistence;

/// <summary>The one geometry factory: SRID 4326, floating precision.</summary>
public static class Wgs84
{
    public const int Srid = 4326;

    public static GeometryFactory Factory { get; } =
        NtsGeometryServices.Instance.CreateGeometryFactory(new PrecisionModel(), Srid);
}
