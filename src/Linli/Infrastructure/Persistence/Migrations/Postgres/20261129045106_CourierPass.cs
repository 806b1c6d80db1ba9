using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CourierPass : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "courier_complaints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CourierId = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ContactProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    HandledAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courier_complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courier_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CourierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courier_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courier_passages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SiteId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourierId = table.Column<Guid>(type: "uuid", nullable: true),
                    PassId = table.Column<Guid>(type: "uuid", nullable: true),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Allowed = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    CheckedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReplayKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DeviceRef = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    RecordedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courier_passages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courier_passes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CourierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    RevokedReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courier_passes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courier_sites",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    AllowedPlatforms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OpenFromMinute = table.Column<int>(type: "integer", nullable: true),
                    OpenToMinute = table.Column<int>(type: "integer", nullable: true),
                    GuardUserIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courier_sites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courier_thanks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CourierId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AtMs = table.Column<long>(type: "bigint", nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courier_thanks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "couriers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NameProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    NameMasked = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PhoneProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PhoneIndex = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    PhoneMasked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IdNumberProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IdNumberIndex = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Employer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Team = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Vehicle = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VehiclePlate = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PhotoPath = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkStartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OnTimeRatePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    AtFaultAccidents = table.Column<int>(type: "integer", nullable: false),
                    SecurityComplaints = table.Column<int>(type: "integer", nullable: false),
                    TrainingDone = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_couriers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pass_signing_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: false),
                    PrivateKeyProtected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ReplacedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    RetiredAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pass_signing_keys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "phone_challenges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PhoneIndex = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    ExpiresAtMs = table.Column<long>(type: "bigint", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAtMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phone_challenges", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_courier_complaints_CourierId_CreatedAtMs",
                table: "courier_complaints",
                columns: new[] { "CourierId", "CreatedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_courier_complaints_Number",
                table: "courier_complaints",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courier_complaints_Status_CreatedAtMs",
                table: "courier_complaints",
                columns: new[] { "Status", "CreatedAtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_courier_events_CourierId_Id",
                table: "courier_events",
                columns: new[] { "CourierId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_courier_passages_CourierId_AtMs",
                table: "courier_passages",
                columns: new[] { "CourierId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_courier_passages_DeviceRef",
                table: "courier_passages",
                column: "DeviceRef",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courier_passages_ReplayKey",
                table: "courier_passages",
                column: "ReplayKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courier_passages_SiteId_AtMs",
                table: "courier_passages",
                columns: new[] { "SiteId", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_courier_passes_CourierId",
                table: "courier_passes",
                column: "CourierId");

            migrationBuilder.CreateIndex(
                name: "IX_courier_passes_Number",
                table: "courier_passes",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courier_passes_RevokedAtMs",
                table: "courier_passes",
                column: "RevokedAtMs");

            migrationBuilder.CreateIndex(
                name: "IX_courier_sites_Code",
                table: "courier_sites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courier_sites_RegionCode",
                table: "courier_sites",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_courier_thanks_CourierId",
                table: "courier_thanks",
                column: "CourierId");

            migrationBuilder.CreateIndex(
                name: "IX_courier_thanks_RegionCode_AtMs",
                table: "courier_thanks",
                columns: new[] { "RegionCode", "AtMs" });

            migrationBuilder.CreateIndex(
                name: "IX_couriers_IdNumberIndex",
                table: "couriers",
                column: "IdNumberIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_couriers_PhoneIndex",
                table: "couriers",
                column: "PhoneIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_couriers_RegionCode_Status",
                table: "couriers",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_couriers_UserId",
                table: "couriers",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_phone_challenges_PhoneIndex_CreatedAtMs",
                table: "phone_challenges",
                columns: new[] { "PhoneIndex", "CreatedAtMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courier_complaints");

            migrationBuilder.DropTable(
                name: "courier_events");

            migrationBuilder.DropTable(
                name: "courier_passages");

            migrationBuilder.DropTable(
                name: "courier_passes");

            migrationBuilder.DropTable(
                name: "courier_sites");

            migrationBuilder.DropTable(
                name: "courier_thanks");

            migrationBuilder.DropTable(
                name: "couriers");

            migrationBuilder.DropTable(
                name: "pass_signing_keys");

            migrationBuilder.DropTable(
                name: "phone_challenges");
        }
    }
}
