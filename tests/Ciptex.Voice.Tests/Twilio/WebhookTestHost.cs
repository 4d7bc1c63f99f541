using System.Collections.Concurrent;
using System.Net;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>
/// A minimal web app on TestServer: a <c>/twilio</c> group behind the signature filter, the forwarded-headers
/// middleware, and handlers that count how often they ran.
/// </summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public const string Token = "test-auth-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _logs;
    private int _invocations;

    private WebhookTestHost(WebApplication app, ConcurrentQueue<(LogLevel Level, string Message)> logs)
    {
        _app = app;
        _logs = logs;
    }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>How many times a webhook handler ran.</summary>
    public int Invocations => _invocations;

    public IEnumerable<string> Warnings => _logs.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message);

    /// <param name="settings">Configuration on top of <c>Twilio:AuthToken</c> = <see cref="Token"/>.</param>
    /// <param name="remoteIp">The address the request appears to come from (the proxy, when there is one).</param>
    public static async Task<WebhookTestHost> StartAsync(
        Dictionary<string, string?>? settings = null, string remoteIp = "127.0.0.1",
        string baseAddress = "http://localhost", string? pathBase = null, bool statusCodePages = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Twilio:AuthToken"] = Token });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section);
        builder.Services.AddSingleton<WebhookSigningKeys>();
        builder.AddTwilioForwardedHeaders();
        var logs = new ConcurrentQueue<(LogLevel Level, string Message)>();
        builder.Logging.ClearProviders().AddProvider(new ListLoggerProvider(logs));

        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(remoteIp);
            return next(context);
        });
        app.UseForwardedHeaders();
        if (statusCodePages)
            app.UseStatusCodePages();
        if (pathBase is not null)
            app.UsePathBase(pathBase);

        var host = new WebhookTestHost(app, logs);
        var twilio = app.MapGroup("/twilio").RequireTwilioSignature();
        twilio.MapPost("/voice/incoming", () => host.Ran(new VoiceTwiml().Say("Welcome to Ciptex support.", "Polly.Amy-Neural", "en-GB").ToResult()));
        twilio.MapPost("/voice/account", ([FromForm] string digits) => host.Ran(Results.Text(digits)));
        twilio.MapGet("/voice/status", () => host.Ran(TwiMLResult.Empty));
        twilio.MapPost("/echo", async (HttpRequest request) => host.Ran(Results.Text(
            string.Join('\n', (await request.ReadFormAsync()).Select(field => $"{field.Key}={string.Join('|', field.Value.ToArray())}")))));
        twilio.MapPost("/json", async (HttpRequest request) =>
            host.Ran(Results.Text(await new StreamReader(request.Body).ReadToEndAsync())));
        // The official vectors' own URL, signed with token 12345 (reference/twilio.md §1.6).
        app.MapPost("/myapp.php", () => host.Ran(Results.Ok())).RequireTwilioSignature();

        await app.StartAsync();
        host.Client = app.GetTestClient();
        host.Client.BaseAddress = new Uri(baseAddress);
        return host;
    }

    private IResult Ran(IResult result)
    {
        Interlocked.Increment(ref _invocations);
        return result;
    }

    /// <summary>A form POST signed for <paramref name="signedUrl"/> (default: the URL it is sent to).</summary>
    public static HttpRequestMessage FormPost(
        string pathAndQuery, IEnumerable<KeyValuePair<string, string>> fields, string? signedUrl = null,
        string token = Token, string baseAddress = "http://localhost")
    {
        var pairs = fields.ToList();
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(pairs) };
        var form = pairs.Select(p => new KeyValuePair<string, StringValues>(p.Key, p.Value));
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute(signedUrl ?? baseAddress + pathAndQuery, form, token));
        return request;
    }

    public static KeyValuePair<string, string>[] CallFields(string digits = "123456") =>
        [new("CallSid", "CA1234567890ABCDE"), new("From", "+447700900123"), new("To", "+443458800808"), new("Digits", digits)];

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(logs);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(ConcurrentQueue<(LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue((logLevel, formatter(state, exception)));
    }
}
