using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "background_leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_background_leases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "case_escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StageEntry = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_escalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_idempotency_keys",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_idempotency_keys", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "case_number_counters",
                columns: table => new
                {
                    District = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Day = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_number_counters", x => new { x.District, x.Day });
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Location = table.Column<byte[]>(type: "BLOB", nullable: false),
                    DistrictCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StreetCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BuildingCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReporterUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReporterNameProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReporterPhoneProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FollowTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AssignedUnit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SelfHandled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReturnCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReworkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DispatchCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PendingExtensionHours = table.Column<double>(type: "REAL", nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ReportedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    StageStartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StageEntry = table.Column<int>(type: "INTEGER", nullable: false),
                    StageWarningAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    StageDeadlineMs = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseDeadlineMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedOnTime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ToStage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Data = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_events_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_escalations_CaseId_StageEntry_Level",
                table: "case_escalations",
                columns: new[] { "CaseId", "StageEntry", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_case_events_CaseId_Sequence",
                table: "case_events",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_AssignedUnit",
                table: "cases",
                column: "AssignedUnit");

            migrationBuilder.CreateIndex(
                name: "IX_cases_FollowTokenHash",
                table: "cases",
                column: "FollowTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_cases_GridCode_ReportedAtMs",
                table: "cases",
                columns: new[] { "GridCode", "ReportedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Number",
                table: "cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReportedAtMs_Id",
                table: "cases",
                columns: new[] { "ReportedAtMs", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_Stage_StageDeadlineMs",
                table: "cases",
                columns: new[] { "Stage", "StageDeadlineMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "background_leases");

            migrationBuilder.DropTable(
                name: "case_escalations");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "case_idempotency_keys");

            migrationBuilder.DropTable(
                name: "case_number_counters");

            migrationBuilder.DropTable(
                name: "cases");
        }
    }
}
