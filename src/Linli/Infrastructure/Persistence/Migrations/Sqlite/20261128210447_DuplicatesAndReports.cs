using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportCount",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "SpotCell",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "ReportId",
                table: "case_photos",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ReportId",
                table: "case_idempotency_keys",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<double>(
                name: "DuplicateRadiusMeters",
                table: "case_categories",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "DuplicateWindowHours",
                table: "case_categories",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "case_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Location = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReporterUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReporterNameProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReporterPhoneProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    How = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: true)
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
