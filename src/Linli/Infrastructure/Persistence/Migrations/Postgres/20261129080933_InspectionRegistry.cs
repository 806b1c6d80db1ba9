using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InspectionRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "OpenPeriodicFor",
                table: "inspections",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspections_OpenPeriodicFor",
                table: "inspections",
                column: "OpenPeriodicFor",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_inspections_OpenPeriodicFor",
                table: "inspections");

            migrationBuilder.DropColumn(
                name: "OpenPeriodicFor",
                table: "inspections");
        }
    }
}
