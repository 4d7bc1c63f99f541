namespace Ciptex.Voice.Tickets;

internal static class TicketsExtensions
{
    public static WebApplicationBuilder AddTickets(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TicketService>();
        builder.Services.AddSingleton<TicketTexts>();
        return builder;
    }
}
