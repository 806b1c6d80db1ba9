using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrafficAccidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accident_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Plate = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NameCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NameMasked = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PhoneCipher = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PhoneIndex = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PhoneMasked = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Insurer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JoinedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accident_parties", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accident_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ThumbnailPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accident_photos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accident_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NoInjuries = table.Column<bool>(type: "INTEGER", nullable: true),
                    VehiclesMovable = table.Column<bool>(type: "INTEGER", nullable: true),
                    PropertyOnly = table.Column<bool>(type: "INTEGER", nullable: true),
                    NoRoadPropertyDamage = table.Column<bool>(type: "INTEGER", nullable: true),
                    EstimatedLossYuan = table.Column<int>(type: "INTEGER", nullable: true),
                    LanesBlocked = table.Column<int>(type: "INTEGER", nullable: false),
                    PoliceReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RouteCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RouteName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StakeMeters = table.Column<double>(type: "REAL", nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: false),
                    Lat = table.Column<double>(type: "REAL", nullable: false),
                    Heading = table.Column<double>(type: "REAL", nullable: true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CodeExpiresAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    WrongCodes = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accident_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accident_parties_ReportId_Role",
                table: "accident_parties",
                columns: new[] { "ReportId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accident_parties_TokenHash",
                table: "accident_parties",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accident_photos_ReportId_Kind",
                table: "accident_photos",
                columns: new[] { "ReportId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accident_reports_IncidentId",
                table: "accident_reports",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_accident_reports_Number",
                table: "accident_reports",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accident_parties");

            migrationBuilder.DropTable(
                name: "accident_photos");

            migrationBuilder.DropTable(
                name: "accident_reports");
        }
    }
}
