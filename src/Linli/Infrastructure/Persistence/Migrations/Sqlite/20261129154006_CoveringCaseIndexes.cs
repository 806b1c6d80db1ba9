using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Linli.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringCaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
