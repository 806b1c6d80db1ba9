using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GridCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReporterUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_reads",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NotificationId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_reads", x => new { x.UserId, x.NotificationId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_notifications_GridCode",
                table: "case_notifications",
                column: "GridCode");

            migrationBuilder.CreateIndex(
                name: "IX_case_notifications_ReporterUserId",
                table: "case_notifications",
                column: "ReporterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_case_notifications_Unit",
                table: "case_notifications",
                column: "Unit");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_notifications");

            migrationBuilder.DropTable(
                name: "notification_reads");
        }
    }
}
