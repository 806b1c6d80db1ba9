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
                name: "expressways");

            migrationBuilder.DropTable(
                name: "road_crews");

            migrationBuilder.DropTable(
                name: "traffic_events");

            migrationBuilder.DropTable(
                name: "traffic_incidents");
        }
    }
}
