using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Projects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "allocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuantityPerWeek = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_allocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "matching_runs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DemandCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Objective = table.Column<double>(type: "REAL", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_matching_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "project_number_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_number_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LeadUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwnerNameProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosingEvidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosingPhotoIds = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatingComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "match_proposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DemandVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Fit = table.Column<double>(type: "REAL", nullable: false),
                    DistanceMeters = table.Column<double>(type: "REAL", nullable: true),
                    SharedWindows = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RemainingCapacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Urgency = table.Column<double>(type: "REAL", nullable: false),
                    WaitingDays = table.Column<double>(type: "REAL", nullable: false),
                    ExplanationZh = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ExplanationEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ConfirmedAs = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_match_proposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_match_proposals_matching_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "matching_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_milestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_project_milestones_projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_allocations_DemandId",
                table: "allocations",
                column: "DemandId");

            migrationBuilder.CreateIndex(
                name: "IX_allocations_ProjectId",
                table: "allocations",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_allocations_ResourceId_Active",
                table: "allocations",
                columns: new[] { "ResourceId", "Active" });

            migrationBuilder.CreateIndex(
                name: "IX_match_proposals_RunId",
                table: "match_proposals",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_matching_runs_RegionCode",
                table: "matching_runs",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_project_milestones_ProjectId",
                table: "project_milestones",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_projects_LeadUnit",
                table: "projects",
                column: "LeadUnit");

            migrationBuilder.CreateIndex(
                name: "IX_projects_Number",
                table: "projects",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_projects_RegionCode_Status",
                table: "projects",
                columns: new[] { "RegionCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allocations");

            migrationBuilder.DropTable(
                name: "match_proposals");

            migrationBuilder.DropTable(
                name: "project_milestones");

            migrationBuilder.DropTable(
                name: "project_number_counters");

            migrationBuilder.DropTable(
                name: "matching_runs");

            migrationBuilder.DropTable(
                name: "projects");
        }
    }
}
