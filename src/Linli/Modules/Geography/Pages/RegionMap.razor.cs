using System.Security.Claims;
using Linli.Infrastructure.Errors;
using Linli.Infrastructure.Localization;
using Linli.Infrastructure.Persistence;
using Linli.Modules.Access.Contracts;
using Linli.Modules.Cases.Contracts;
using Linli.Modules.Geography.BrowseRegion;
using Linli.Modules.Geography.Contracts;
using Linli.Modules.Geography.GetRegion;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Linli.Modules.Geography.Pages;

/// <summary>
/// The region browser: one region with its children, the people and units that answer for it, and
/// its map. Every read goes through GetRegion.Handle first, so the scope rules (403/404) are the API's.
/// </summary>
public sealed partial class RegionMap
{
    // A grid lists all its workers; above a grid the list is a sample beside the count.
    private const int WorkersListedAboveGrid = 10;
    private const int WorkersListedInGrid = 50;

    [Parameter] public string? Code { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    private RegionDetails? _region;
    private RegionLevel _level;
    private List<BrowsedChild> _children = [];
    private IReadOnlyDictionary<string, int> _childCases = new Dictionary<string, int>();
    private int _openCases;
    private int? _households;
    private IReadOnlyList<ResponsibleUnit> _units = [];
    private RegionStaff _workers = new(0, []);
    private BrowsedPartyTree _party = new(null, [], 0);
    private IReadOnlyList<string>? _scopes;
    private string? _mapCode;
    private bool _notFound;
    private bool _forbidden;

    protected override async Task OnParametersSetAsync()
    {
        var user = (await AuthState).User;
        var ct = HttpContext?.RequestAborted ?? CancellationToken.None;
        try
        {
            await using var db = await DbFactory.CreateDbContextAsync(ct);
            _scopes = await Access.ScopesAsync(user, Permissions.RegionsRead);
            var code = Code;
            if (code is null)
            {
                // The first page shows the top of what the user covers: the city, or her own regions.
                var roots = (await GetRegion.GetRegion.Roots(db, user, Access, ct)).Value!;
                if (roots.Count != 1)
                {
                    _children = roots.Select(r => new BrowsedChild(r.Code, r.Name, RegionLevels.Parse(r.Level), r.ChildrenCount, null)).ToList();
                    return;
                }
                code = roots[0].Code;
            }
            await LoadAsync(db, user, code, ct);
        }
        catch (NotFoundException)
        {
            _notFound = true;
            SetStatus(StatusCodes.Status404NotFound);
        }
        catch (ForbiddenException)
        {
            _forbidden = true;
            SetStatus(StatusCodes.Status403Forbidden);
        }
    }

    private async Task LoadAsync(LinliDb db, ClaimsPrincipal user, string code, CancellationToken ct)
    {
        _region = (await GetRegion.GetRegion.Handle(code, db, user, Access, ct)).Value!;
        _level = RegionLevels.Parse(_region.Level);
        _mapCode = code;
        _children = await BrowseRegion.BrowseRegion.ChildrenAsync(db, code, ct);
        if (_children.Count > 0)
        {
            _childCases = await CaseFacts.OpenCasesByChildAsync(code, _children[0].Level, ct);
        }
        _openCases = await CaseFacts.OpenCasesAsync(code, _level, ct);
        _households = await BrowseRegion.BrowseRegion.HouseholdsAsync(db, code, _level, _region.Households, ct);
        _units = await CaseFacts.ResponsibleUnitsAsync(code, _level, ct);
        _workers = await Staff.InRegionAsync(Roles.GridWorker, code, _level >= RegionLevel.Grid ? WorkersListedInGrid : WorkersListedAboveGrid, ct);
        _party = await BrowseRegion.BrowseRegion.PartyAsync(db, Protector, code, _children.Select(c => c.Code).ToList(), ct);
    }

    // The page still renders its explanation; the status tells clients and tests what happened.
    private void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } http)
        {
            http.Response.StatusCode = status;
        }
    }

    /// <summary>Ancestors outside the user's scopes are named but not linked: the link would only lead to a 403.</summary>
    private bool MayRead(string code) => _scopes is null || _scopes.Any(s => RegionScope.Covers(s, code));

    private string ChildrenTitle() => _region is null
        ? Lang.T("顶级区域", "Top regions")
        : _level switch
        {
            RegionLevel.City => Lang.T("区/县", "Districts"),
            RegionLevel.District => Lang.T("街道/镇", "Streets"),
            RegionLevel.Street => Lang.T("社区/村", "Communities"),
            RegionLevel.Community => Lang.T("网格", "Grids"),
            _ when _children.All(c => c.Level == RegionLevel.Building) => Lang.T("楼栋", "Buildings"),
            _ => Lang.T("下级区域", "Sub-regions"),
        };

    /// <summary>What a child's own children are called, for its count.</summary>
    internal static string SubRegionsLabel(RegionLevel childLevel) => childLevel switch
    {
        RegionLevel.City => Lang.T("个区县", "districts"),
        RegionLevel.District => Lang.T("个街道", "streets"),
        RegionLevel.Street => Lang.T("个社区", "communities"),
        RegionLevel.Community => Lang.T("个网格", "grids"),
        RegionLevel.Grid or RegionLevel.MicroGrid => Lang.T("栋楼", "buildings"),
        _ => Lang.T("个下级", "sub-regions"),
    };

    internal static string LevelName(RegionLevel level) => Lang.IsEnglish ? level switch
    {
        RegionLevel.MicroGrid => "Micro-grid",
        _ => level.ToString(),
    } : level.ChineseName();

    private static string FormatArea(double m2) =>
        m2 >= 1_000_000 ? $"{m2 / 1_000_000:0.##} km²" : $"{m2:N0} m²";
}
