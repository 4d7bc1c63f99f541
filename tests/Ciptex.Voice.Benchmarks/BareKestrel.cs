using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// The ceiling for load.sh: Kestrel answering a form POST with fixed TwiML and nothing else, so the service's
/// requests per second can be read as a share of what the framework itself allows on this machine.
/// </summary>
internal static class BareKestrel
{
    private static readonly byte[] Twiml = Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="utf-8"?><Response><Say voice="Polly.Amy-Neural" language="en-GB">Thank you for calling Ciptex support.</Say></Response>""");

    public static int Run(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/twilio/voice/incoming", async (HttpContext context) =>
        {
            // Read the form as the service does, so both sides pay for parsing the same body.
            await context.Request.ReadFormAsync(context.RequestAborted);
            context.Response.ContentType = "application/xml; charset=utf-8";
            await context.Response.Body.WriteAsync(Twiml, context.RequestAborted);
        });
        app.Run();
        return 0;
    }
}
