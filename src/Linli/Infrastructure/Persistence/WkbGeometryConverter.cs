using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Linli.Infrastructure.Persistence;

/// <summary>Stores NetTopologySuite geometries as plain WKB blobs (WGS-84 implied).</summary>
internal static class WkbGeometryConverter
{
    private static readonly GeometryFactory Factory = Wgs84.Factory;

    public static byte[] ToWkb(Geometry geometry) => new WKBWriter().Write(geometry);

    public static Geometry FromWkb(byte[] wkb) => new WKBReader(NetTopologySuite.NtsGeometryServices.Instance).Read(wkb) is { } g
        ? Factory.CreateGeometry(g)
        : throw new InvalidDataException("Empty WKB");

    public static ValueConverter For(Type clrType)
    {
        var type = typeof(Converter<>).MakeGenericType(clrType);
        return (ValueConverter)Activator.CreateInstance(type)!;
    }

    public static ValueComparer ComparerFor(Type clrType)
    {
        var type = typeof(Comparer<>).MakeGenericType(clrType);
        return (ValueComparer)Activator.CreateInstance(type)!;
    }

    private sealed class Converter<T>() : ValueConverter<T, byte[]>(
        g => ToWkb(g),
        b => (T)FromWkb(b))
        where T : Geometry;

    private sealed class Comparer<T>() : ValueComparer<T>(
        (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
        g => g.GetHashCode(),
        g => (T)g.Copy())
        where T : Geometry;
}
