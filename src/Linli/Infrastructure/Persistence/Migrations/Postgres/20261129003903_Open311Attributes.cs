using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Open311Attributes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "open311_attributes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Datatype = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    Variable = table.Column<bool>(type: "boolean", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DatatypeDescription = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ValuesJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_attributes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "open311_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    KeyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientUpdateId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StepId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ClientUpdatedAtMs = table.Column<long>(type: "bigint", nullable: true),
                    NameProtected = table.Column<string>(type: "text", nullable: true),
                    EmailProtected = table.Column<string>(type: "text", nullable: true),
                    MediaUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_updates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_open311_attributes_ServiceCode_Code",
                table: "open311_attributes",
                columns: new[] { "ServiceCode", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_attributes_ServiceCode_Order",
                table: "open311_attributes",
                columns: new[] { "ServiceCode", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_updates_KeyId_ClientUpdateId",
                table: "open311_updates",
                columns: new[] { "KeyId", "ClientUpdateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_open311_updates_StepId",
                table: "open311_updates",
                column: "StepId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "open311_attributes");

            migrationBuilder.DropTable(
                name: "open311_updates");
        }
    }
}
