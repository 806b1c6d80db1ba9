using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Geography : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "party_organisations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "region_index_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_region_index_state", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    parent_code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    boundary = table.Column<byte[]>(type: "BLOB", nullable: false),
                    centroid = table.Column<byte[]>(type: "BLOB", nullable: false),
                    area_m2 = table.Column<double>(type: "REAL", nullable: false),
                    households = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "party_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_party_members_party_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "party_organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "region_index_state",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_party_members_OrganisationId",
                table: "party_members",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_party_organisations_RegionCode",
                table: "party_organisations",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_regions_level",
                table: "regions",
                column: "level");

            migrationBuilder.CreateIndex(
                name: "IX_regions_parent_code",
                table: "regions",
                column: "parent_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "party_members");

            migrationBuilder.DropTable(
                name: "region_index_state");

            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.DropTable(
                name: "party_organisations");
        }
    }
}
