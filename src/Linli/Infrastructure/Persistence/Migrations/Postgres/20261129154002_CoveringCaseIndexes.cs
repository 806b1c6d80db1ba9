using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoveringCaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_ReportedAtMs_Id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Stage_StageDeadlineMs",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReportedAtMs_Id",
                table: "cases",
                columns: new[] { "ReportedAtMs", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "GridCode", "CategoryCode" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Stage_StageDeadlineMs",
                table: "cases",
                columns: new[] { "Stage", "StageDeadlineMs" })
                .Annotation("Npgsql:IndexInclude", new[] { "GridCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_ReportedAtMs_Id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_Stage_StageDeadlineMs",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReportedAtMs_Id",
                table: "cases",
                columns: new[] { "ReportedAtMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Stage_StageDeadlineMs",
                table: "cases",
                columns: new[] { "Stage", "StageDeadlineMs" });
        }
    }
}
