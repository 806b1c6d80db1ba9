using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseMilestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TargetsJson",
                table: "case_categories",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_milestones",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Milestone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_milestones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_target_misses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Milestone = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Minutes = table.Column<double>(type: "REAL", nullable: false),
                    DueAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_target_misses", x => x.Id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_milestones");

            migrationBuilder.DropTable(
                name: "case_target_misses");

            migrationBuilder.DropColumn(
                name: "TargetsJson",
                table: "case_categories");
        }
    }
}
