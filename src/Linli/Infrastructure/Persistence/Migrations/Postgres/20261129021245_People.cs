using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class People : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BuildingCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GridCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    HeadNameProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    HeadPhoneProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MemberCount = table.Column<int>(type: "integer", nullable: false),
                    Residence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CareTags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CareTagsConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PartyMemberNameProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PartyMemberPhoneProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PartyMemberUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastVisitAtMs = table.Column<long>(type: "bigint", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    BuildingCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkerName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VisitedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seen = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Asked = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DemandIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "household_members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    NameProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IdNumberProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IdNumberIndex = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Relation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Gender = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    BirthYear = table.Column<int>(type: "integer", nullable: true),
                    PhoneProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CareTags = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CareTagsConsentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_household_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_household_members_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_household_members_HouseholdId",
                table: "household_members",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_household_members_IdNumberIndex",
                table: "household_members",
                column: "IdNumberIndex");

            migrationBuilder.CreateIndex(
                name: "IX_households_BuildingCode_Address",
                table: "households",
                columns: new[] { "BuildingCode", "Address" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_households_GridCode",
                table: "households",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_visits_BuildingCode_VisitedAtMs",
                table: "visits",
                columns: new[] { "BuildingCode", "VisitedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_visits_HouseholdId_VisitedAtMs",
                table: "visits",
                columns: new[] { "HouseholdId", "VisitedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_members");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "households");
        }
    }
}
