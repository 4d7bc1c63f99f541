using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>
/// WireMock standing in for api.twilio.com's Messages resource, answering with Twilio's own payloads
/// (Fixtures/Twilio). Every answer is made by a callback that first writes the request into <see cref="Received"/>:
/// WireMock adds to its own <c>LogEntries</c> only after the reply has left, so a test reading those right after a
/// dispatch could miss the last request; <see cref="Received"/> cannot.
/// </summary>
public sealed class TwilioFake : IDisposable
{
    public const string MessagesPath = $"/2010-04-01/Accounts/{VoiceApp.AccountSid}/Messages.json";

    // Specific answers (one recipient refused, a scenario) win over the catch-all.
    private const int Specific = 1;
    private const int CatchAll = 100;

    private readonly ConcurrentQueue<MessageRequest> _received = new();
    private readonly SemaphoreSlim _arrivals = new(0);

    public WireMockServer Server { get; } = WireMockServer.Start();

    public string Url => Server.Url!;

    /// <summary>Stamps each request with this clock's time (the app's fake clock), to measure rates.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Every message request, in the order WireMock answered them, with the status it answered.</summary>
    public IReadOnlyList<MessageRequest> Received => _received.ToList();

    /// <summary>The recipients of the messages Twilio accepted (201), once per acceptance.</summary>
    public IReadOnlyList<string> AcceptedTo => Received.Where(r => r.Status == 201).Select(r => r.To).ToList();

    /// <summary>
    /// Waits until at least <paramref name="count"/> message requests have arrived: for the tests whose point is that
    /// the background dispatcher sends without an explicit trigger. Bounded, so a broken wake-up fails, not hangs.
    /// </summary>
    public async Task ReceivedAtLeastAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrivals.WaitAsync(left))
                throw new TimeoutException($"Only {_received.Count} of {count} message requests arrived.");
        }
    }

    /// <summary>Accepts every message with a 201 and a fresh SID, optionally after a delay.</summary>
    public TwilioFake AcceptsAll(TimeSpan? delay = null)
    {
        var response = Answer(_ => (201, null));
        Server.Given(MessagePost()).AtPriority(CatchAll).RespondWith(delay is { } d ? response.WithDelay(d) : response);
        return this;
    }

    /// <summary>Refuses every message to <paramref name="to"/> with a Twilio error payload.</summary>
    public TwilioFake Refuses(string to, int status, string fixture)
    {
        Server.Given(MessagePost().WithBody((string? body) => Parse(body)["To"] == to)).AtPriority(Specific)
            .RespondWith(Answer(_ => (status, Fixture(fixture))));
        return this;
    }

    /// <summary>Answers the first requests with the given errors, in order, then accepts (WireMock scenario states).</summary>
    public TwilioFake FailsFirst(params (int Status, string Fixture)[] failures)
    {
        for (var i = 0; i < failures.Length; i++)
        {
            var mapping = Server.Given(MessagePost()).AtPriority(Specific).InScenario("failures first");
            if (i > 0)
                mapping = mapping.WhenStateIs($"failed {i}");
            var (status, fixture) = failures[i];
            mapping.WillSetStateTo($"failed {i + 1}").RespondWith(Answer(_ => (status, Fixture(fixture))));
        }
        Server.Given(MessagePost()).AtPriority(Specific).InScenario("failures first").WhenStateIs($"failed {failures.Length}")
            .RespondWith(Answer(_ => (201, null)));
        return this;
    }

    /// <summary>Lets a function pick each answer: a status and body, or null for a normal 201.</summary>
    public TwilioFake AnswersWith(Func<MessageRequest, (int Status, string Body)?> choose)
    {
        Server.Given(MessagePost()).AtPriority(Specific)
            .RespondWith(Answer(request => choose(request) is { } answer ? (answer.Status, answer.Body) : (201, null)));
        return this;
    }

    public static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Twilio", name));

    /// <summary>A Twilio error payload in the documented shape, for codes with no fixture of their own.</summary>
    public static string Error(int code, int status, string message) =>
        $$"""{"code":{{code}},"message":"{{message}}","more_info":"https://www.twilio.com/docs/errors/{{code}}","status":{{status}}}""";

    private static IRequestBuilder MessagePost() => Request.Create().WithPath(MessagesPath).UsingPost();

    /// <param name="choose">Status and body; a null body with 201 is Twilio's created message for this request.</param>
    private IResponseBuilder Answer(Func<MessageRequest, (int Status, string? Body)> choose) =>
        Response.Create().WithCallback(request =>
        {
            var form = Parse(request.Body);
            var (status, body) = choose(new MessageRequest(form, 0, null));
            _received.Enqueue(new MessageRequest(form, status, Clock?.GetUtcNow()));
            _arrivals.Release();
            return Message(status, body ?? CreatedBody(form));
        });

    /// <summary>Twilio's own 201 payload with this request's recipient, body and a SID of its own.</summary>
    private static string CreatedBody(Dictionary<string, StringValues> form)
    {
        var json = JsonNode.Parse(Fixture("rest-message-create-201.json"))!;
        json["sid"] = $"SM{Guid.NewGuid():N}";
        json["to"] = form["To"].ToString();
        json["body"] = form["Body"].ToString();
        json["from"] = form.TryGetValue("From", out var from) ? from.ToString() : null;
        return json.ToJsonString();
    }

    private static ResponseMessage Message(int status, string body) => new()
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>>
        {
            ["Content-Type"] = new(body.StartsWith('{') ? "application/json" : "text/html"),
        },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };

    private static Dictionary<string, StringValues> Parse(string? body) => QueryHelpers.ParseQuery(body ?? "");

    public void Dispose() => Server.Stop();
}

/// <summary>One <c>POST …/Messages.json</c> as WireMock answered it.</summary>
public sealed record MessageRequest(Dictionary<string, StringValues> Form, int Status, DateTimeOffset? At)
{
    public string To => Form["To"].ToString();
    public string Body => Form["Body"].ToString();
    public string? From => Form.TryGetValue("From", out var v) ? v.ToString() : null;
    public string? MessagingServiceSid => Form.TryGetValue("MessagingServiceSid", out var v) ? v.ToString() : null;
    public string? StatusCallback => Form.TryGetValue("StatusCallback", out var v) ? v.ToString() : null;
}
