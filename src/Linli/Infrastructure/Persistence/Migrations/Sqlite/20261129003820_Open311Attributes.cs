using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Datatype = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Variable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DatatypeDescription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ValuesJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_open311_attributes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "open311_updates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    KeyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientUpdateId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StepId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClientUpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: true),
                    NameProtected = table.Column<string>(type: "TEXT", nullable: true),
                    EmailProtected = table.Column<string>(type: "TEXT", nullable: true),
                    MediaUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
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
