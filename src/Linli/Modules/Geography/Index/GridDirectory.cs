using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Linli.Modules.Geography.Index;

/// <summary>
/// A uniform cell directory in front of the STRtree for the hot path of point → grid. Each cell
/// that lies wholly inside one grid (and touches no other) answers at once; any other cell keeps
/// the short list of grids that touch it, tested exactly with <see cref="FlatPolygon"/>. The
/// STRtree and prepared geometries are what it is built from; see ADR 0002 for the figures that
/// made it necessary.
/// </summary>
internal sealed class GridDirectory
{
    private const int MaxCells = 6_000_000;
    private const int Empty = -1;
    // Cells are classified a hair larger than they are, so that rounding in the cell arithmetic
    // can never put a point in a cell whose grids do not include the one holding it.
    private const double Margin = 1e-9;

    private readonly IndexedRegion[] _grids;
    private readonly FlatPolygon[] _shapes;
    private readonly double _minX, _minY, _maxX, _maxY, _cell;
    private readonly int _columns, _rows;
    private readonly int[] _cells;        // >= 0: the one grid; Empty; <= -2: candidate list -(v + 2)
    private readonly int[] _listStarts;
    private readonly int[] _lists;

    private GridDirectory(IndexedRegion[] grids, FlatPolygon[] shapes, Envelope extent, double cell, int columns, int rows,
        int[] cells, int[] listStarts, int[] lists)
    {
        _grids = grids;
        _shapes = shapes;
        (_minX, _minY, _maxX, _maxY) = (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        _cell = cell;
        _columns = columns;
        _rows = rows;
        _cells = cells;
        _listStarts = listStarts;
        _lists = lists;
    }

    public int CellCount => _cells.Length;

    public static GridDirectory Build(IReadOnlyList<IndexedRegion> grids)
    {
        var ordered = grids.OrderBy(g => g.Code, StringComparer.Ordinal).ToArray();
        var shapes = ordered.Select(g => new FlatPolygon(g.Geometry)).ToArray();
        var extent = new Envelope();
        foreach (var grid in ordered)
        {
            extent.ExpandToInclude(grid.Envelope);
        }
        if (ordered.Length == 0)
        {
            return new GridDirectory([], [], new Envelope(0, 0, 0, 0), 1, 1, 1, [Empty], [0], []);
        }
        var cell = CellSize(ordered, extent);
        var columns = Math.Max(1, (int)Math.Ceiling(extent.Width / cell));
        var rows = Math.Max(1, (int)Math.Ceiling(extent.Height / cell));

        // (cell, grid, wholly inside) for every cell a grid touches.
        var touches = new List<(int Cell, int Grid, bool Inside)>();
        var factory = Infrastructure.Persistence.Wgs84.Factory;
        for (var g = 0; g < ordered.Length; g++)
        {
            var prepared = PreparedGeometryFactory.Prepare(ordered[g].Geometry);
            var e = ordered[g].Envelope;
            int c0 = Column(e.MinX), c1 = Column(e.MaxX), r0 = Row(e.MinY), r1 = Row(e.MaxY);
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    var box = factory.ToGeometry(new Envelope(
                        extent.MinX + c * cell - Margin, extent.MinX + (c + 1) * cell + Margin,
                        extent.MinY + r * cell - Margin, extent.MinY + (r + 1) * cell + Margin));
                    if (prepared.ContainsProperly(box))
                    {
                        touches.Add((r * columns + c, g, true));
                    }
                    else if (prepared.Intersects(box))
                    {
                        touches.Add((r * columns + c, g, false));
                    }
                }
            }
        }

        int Column(double x) => Math.Clamp((int)((x - extent.MinX) / cell), 0, columns - 1);
        int Row(double y) => Math.Clamp((int)((y - extent.MinY) / cell), 0, rows - 1);

        touches.Sort((a, b) => a.Cell != b.Cell ? a.Cell.CompareTo(b.Cell) : a.Grid.CompareTo(b.Grid));
        var cells = new int[columns * rows];
        Array.Fill(cells, Empty);
        var listStarts = new List<int>();
        var lists = new List<int>();
        for (var i = 0; i < touches.Count;)
        {
            var j = i;
            while (j < touches.Count && touches[j].Cell == touches[i].Cell)
            {
                j++;
            }
            if (j - i == 1 && touches[i].Inside)
            {
                cells[touches[i].Cell] = touches[i].Grid;
            }
            else
            {
                cells[touches[i].Cell] = -(listStarts.Count + 2);
                listStarts.Add(lists.Count);
                for (var k = i; k < j; k++)
                {
                    lists.Add(touches[k].Grid);
                }
            }
            i = j;
        }
        listStarts.Add(lists.Count);
        return new GridDirectory(ordered, shapes, extent, cell, columns, rows, cells, [.. listStarts], [.. lists]);
    }

    /// <summary>About a third of a typical grid's width, coarser if the city would need too many cells.</summary>
    private static double CellSize(IndexedRegion[] grids, Envelope extent)
    {
        var widths = grids.Select(g => Math.Sqrt(g.Envelope.Width * g.Envelope.Height)).Order().ToArray();
        var cell = Math.Max(widths[widths.Length / 2] / 3, 1e-6);
        var minimum = Math.Sqrt(extent.Width * extent.Height / MaxCells);
        return Math.Max(cell, minimum);
    }

    /// <summary>The grid holding the point (interior first, then boundary; ties to the lower code), or null.</summary>
    public IndexedRegion? Find(double x, double y)
    {
        if (!(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY))
        {
            return null;
        }
        var column = Math.Min((int)((x - _minX) / _cell), _columns - 1);
        var row = Math.Min((int)((y - _minY) / _cell), _rows - 1);
        var entry = _cells[row * _columns + column];
        if (entry >= 0)
        {
            return _grids[entry];
        }
        if (entry == Empty)
        {
            return null;
        }
        var list = -(entry + 2);
        var boundary = -1;
        // Lists are in code order, so the first interior hit is the lowest code.
        for (var i = _listStarts[list]; i < _listStarts[list + 1]; i++)
        {
            var grid = _lists[i];
            switch (_shapes[grid].Locate(x, y))
            {
                case Location.Interior:
                    return _grids[grid];
                case Location.Boundary when boundary < 0:
                    boundary = grid;
                    break;
            }
        }
        return boundary >= 0 ? _grids[boundary] : null;
    }
}
