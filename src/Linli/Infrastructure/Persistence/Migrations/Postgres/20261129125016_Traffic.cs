using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Traffic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TargetsJson",
                table: "case_categories",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "accident_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Plate = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NameCipher = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NameMasked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneCipher = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PhoneIndex = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Insurer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    JoinedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accident_parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accident_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Path = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ThumbnailPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    TakenAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accident_photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accident_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NoInjuries = table.Column<bool>(type: "boolean", nullable: true),
                    VehiclesMovable = table.Column<bool>(type: "boolean", nullable: true),
                    PropertyOnly = table.Column<bool>(type: "boolean", nullable: true),
                    NoRoadPropertyDamage = table.Column<bool>(type: "boolean", nullable: true),
                    EstimatedLossYuan = table.Column<int>(type: "integer", nullable: true),
                    LanesBlocked = table.Column<int>(type: "integer", nullable: false),
                    PoliceReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RouteCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RouteName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Operator = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StakeMeters = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Heading = table.Column<double>(type: "double precision", nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    IncidentNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CodeExpiresAtMs = table.Column<long>(type: "bigint", nullable: false),
                    WrongCodes = table.Column<int>(type: "integer", nullable: false),
                    LockedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    ReportedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ConfirmedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accident_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_target_misses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Milestone = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Minutes = table.Column<double>(type: "double precision", nullable: false),
                    DueAtMs = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_target_misses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "expressways",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Operator = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Line = table.Column<LineString>(type: "geometry(LineString,4326)", nullable: false),
                    StakeMarksJson = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    LengthMeters = table.Column<double>(type: "double precision", nullable: false),
                    DistrictCodes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_expressways", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "road_crews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Members = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RouteCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StakeMeters = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    PositionAtMs = table.Column<long>(type: "bigint", nullable: true),
                    OnDuty = table.Column<bool>(type: "boolean", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_road_crews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "traffic_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traffic_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "traffic_incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RouteCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StakeMeters = table.Column<double>(type: "double precision", nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: false),
                    Lat = table.Column<double>(type: "double precision", nullable: false),
                    Operator = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LanesBlocked = table.Column<int>(type: "integer", nullable: false),
                    QuickHandling = table.Column<bool>(type: "boolean", nullable: false),
                    Emergency = table.Column<bool>(type: "boolean", nullable: false),
                    AccidentReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CrewIds = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReportedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    DispatchedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    CalledBackAtMs = table.Column<long>(type: "bigint", nullable: true),
                    OnSceneAtMs = table.Column<long>(type: "bigint", nullable: true),
                    LanesClearAtMs = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traffic_incidents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accident_parties_ReportId_Role",
                table: "accident_parties",
                columns: new[] { "ReportId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accident_parties_TokenHash",
                table: "accident_parties",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accident_photos_ReportId_Kind",
                table: "accident_photos",
                columns: new[] { "ReportId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accident_reports_IncidentId",
                table: "accident_reports",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_accident_reports_Number",
                table: "accident_reports",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_milestones_CaseId_Milestone",
                table: "case_milestones",
                columns: new[] { "CaseId", "Milestone" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_target_misses_CaseId_Milestone_SetBy",
                table: "case_target_misses",
                columns: new[] { "CaseId", "Milestone", "SetBy" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_expressways_Code_Direction",
                table: "expressways",
                columns: new[] { "Code", "Direction" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_road_crews_Unit_Name",
                table: "road_crews",
                columns: new[] { "Unit", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_traffic_events_SubjectId_AtMs",
                table: "traffic_events",
                columns: new[] { "SubjectId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_traffic_incidents_CaseId",
                table: "traffic_incidents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_traffic_incidents_Number",
                table: "traffic_incidents",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_traffic_incidents_RouteCode_ReportedAtMs",
                table: "traffic_incidents",
                columns: new[] { "RouteCode", "ReportedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_traffic_incidents_Status_RouteCode",
                table: "traffic_incidents",
                columns: new[] { "Status", "RouteCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accident_parties");

            migrationBuilder.DropTable(
                name: "accident_photos");

            migrationBuilder.DropTable(
                name: "accident_reports");

            migrationBuilder.DropTable(
                name: "case_milestones");

            migrationBuilder.DropTable(
                name: "case_target_misses");

            migrationBuilder.DropTable(
                name: "expressways");

            migrationBuilder.DropTable(
                name: "road_crews");

            migrationBuilder.DropTable(
                name: "traffic_events");

            migrationBuilder.DropTable(
                name: "traffic_incidents");

            migrationBuilder.DropColumn(
                name: "TargetsJson",
                table: "case_categories");
        }
    }
}
