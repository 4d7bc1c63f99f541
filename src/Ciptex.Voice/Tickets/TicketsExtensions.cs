namespace Ciptex.Voice.Tickets;

internal static class TicketsExtensions
{
    public static WebApplicationBuilder AddTickets(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TicketService>();
        builder.Services.AddSingleton<TicketWriter>();
        builder.Services.AddSingleton<TicketTexts>();
        // Replaces the SMS feature's default, which knows no tickets.
        builder.Services.AddScoped<Sms.ITicketLookup, TicketSmsLookup>();
        return builder;
    }
}
