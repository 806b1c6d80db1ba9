using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

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
