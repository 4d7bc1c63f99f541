using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ciptex.Voice.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxClaimOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_Status_Priority_Id",
                table: "OutboundMessages",
                columns: new[] { "Status", "Priority", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboundMessages_Status_Priority_Id",
                table: "OutboundMessages");
        }
    }
}
