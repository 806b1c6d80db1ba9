using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DuplicatesAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "cases",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportCount",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SpotCell",
                table: "cases",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "ReportId",
                table: "case_photos",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReportId",
                table: "case_idempotency_keys",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<double>(
                name: "DuplicateRadiusMeters",
                table: "case_categories",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "DuplicateWindowHours",
                table: "case_categories",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "case_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    ReporterUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReporterNameProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReporterPhoneProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FollowTokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    How = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Similarity = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_SpotCell_ReportedAtMs",
                table: "cases",
                columns: new[] { "SpotCell", "ReportedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_case_reports_CaseId_ReportedAtMs",
                table: "case_reports",
                columns: new[] { "CaseId", "ReportedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_case_reports_FollowTokenHash",
                table: "case_reports",
                column: "FollowTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_case_reports_ReporterUserId",
                table: "case_reports",
                column: "ReporterUserId");

            // Cases reported before reports were kept apart stand for one report each.
            migrationBuilder.Sql("UPDATE cases SET \"ReportCount\" = 1 WHERE \"ReportCount\" = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_reports");

            migrationBuilder.DropIndex(
                name: "IX_cases_SpotCell_ReportedAtMs",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReportCount",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SpotCell",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReportId",
                table: "case_photos");

            migrationBuilder.DropColumn(
                name: "ReportId",
                table: "case_idempotency_keys");

            migrationBuilder.DropColumn(
                name: "DuplicateRadiusMeters",
                table: "case_categories");

            migrationBuilder.DropColumn(
                name: "DuplicateWindowHours",
                table: "case_categories");
        }
    }
}
