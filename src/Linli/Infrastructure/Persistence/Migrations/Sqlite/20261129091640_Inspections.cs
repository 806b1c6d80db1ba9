using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "checklist_templates",
                columns: table => new
                {
                    Utility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ItemsJson = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_checklist_templates", x => new { x.Utility, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "hazards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NoticeNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NoticeIssuedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReinspectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EscalationLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEscalatedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedByInspectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RectifiedOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    FoundBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FoundAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hazards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspection_frequency_rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RiskClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RegionPrefix = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    IntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_frequency_rules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HazardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Inspector = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RouteOrder = table.Column<int>(type: "INTEGER", nullable: true),
                    TemplateCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TemplateRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    PhotosJson = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SignaturePath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedLon = table.Column<double>(type: "REAL", nullable: true),
                    RecordedLat = table.Column<double>(type: "REAL", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenPeriodicFor = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "repair_crews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Members = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    PositionAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    OnDuty = table.Column<bool>(type: "INTEGER", nullable: false),
                    CurrentTicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_repair_crews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "repair_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Urban = table.Column<bool>(type: "INTEGER", nullable: false),
                    TargetOnSiteMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CallerPhoneProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CallerPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CrewId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReportedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    DispatchedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    OnSiteAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    MadeSafeAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_repair_tickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "utility_customers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Utility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ContactNameProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactNameMasked = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContactPhoneProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactPhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Supply = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RiskClass = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EquipmentJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastInspectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_utility_customers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hazards_CustomerId_Status",
                table: "hazards",
                columns: new[] { "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_hazards_NoticeNumber",
                table: "hazards",
                column: "NoticeNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hazards_Number",
                table: "hazards",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hazards_Utility_Status_Deadline",
                table: "hazards",
                columns: new[] { "Utility", "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_events_SubjectId_Id",
                table: "inspection_events",
                columns: new[] { "SubjectId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_frequency_rules_Utility_CustomerType_RiskClass_RegionPrefix",
                table: "inspection_frequency_rules",
                columns: new[] { "Utility", "CustomerType", "RiskClass", "RegionPrefix" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspections_CustomerId_Status",
                table: "inspections",
                columns: new[] { "CustomerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_inspections_HazardId",
                table: "inspections",
                column: "HazardId");

            migrationBuilder.CreateIndex(
                name: "IX_inspections_Inspector_PlannedOn",
                table: "inspections",
                columns: new[] { "Inspector", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_inspections_OpenPeriodicFor",
                table: "inspections",
                column: "OpenPeriodicFor",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspections_Utility_Status_DueOn",
                table: "inspections",
                columns: new[] { "Utility", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_repair_crews_Utility_Name",
                table: "repair_crews",
                columns: new[] { "Utility", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_repair_tickets_CrewId",
                table: "repair_tickets",
                column: "CrewId");

            migrationBuilder.CreateIndex(
                name: "IX_repair_tickets_Number",
                table: "repair_tickets",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_repair_tickets_Utility_Status_ReportedAtMs",
                table: "repair_tickets",
                columns: new[] { "Utility", "Status", "ReportedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_utility_customers_Utility_Active_NextDueOn",
                table: "utility_customers",
                columns: new[] { "Utility", "Active", "NextDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_utility_customers_Utility_Number",
                table: "utility_customers",
                columns: new[] { "Utility", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_utility_customers_Utility_RegionCode",
                table: "utility_customers",
                columns: new[] { "Utility", "RegionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checklist_templates");

            migrationBuilder.DropTable(
                name: "hazards");

            migrationBuilder.DropTable(
                name: "inspection_events");

            migrationBuilder.DropTable(
                name: "inspection_frequency_rules");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "repair_crews");

            migrationBuilder.DropTable(
                name: "repair_tickets");

            migrationBuilder.DropTable(
                name: "utility_customers");
        }
    }
}
