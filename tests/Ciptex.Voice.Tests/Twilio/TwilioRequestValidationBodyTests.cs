using System.Net;
using System.Text;
using Ciptex.Voice.Twilio;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>Requests whose body is not a url-encoded form: JSON with bodySHA256, and everything else.</summary>
public sealed class TwilioRequestValidationBodyTests
{
    [Fact]
    public async Task A_JSON_webhook_is_accepted_when_its_body_hash_matches_and_the_handler_can_still_read_the_body()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var body = """{"EventType":"onMessageAdded","Body":"hello"}""";
        var path = TwilioSignature.WithBodyHash("/twilio/json?attempt=1", Encoding.UTF8.GetBytes(body));

        var genuine = await host.Client.SendAsync(JsonPost(path, body));
        var tampered = await host.Client.SendAsync(JsonPost(path, body.Replace("hello", "HELLO")));

        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(body, await genuine.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(1, host.Invocations);
    }

    [Fact]
    public async Task A_body_that_is_neither_a_form_nor_hashed_in_the_URL_gets_403()
    {
        await using var host = await WebhookTestHost.StartAsync();

        var response = await host.Client.SendAsync(JsonPost("/twilio/json", """{"Body":"unsigned"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Invocations);
    }

    [Fact]
    public async Task A_multipart_form_gets_403_because_its_files_would_not_be_signed()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields());
        var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in WebhookTestHost.CallFields())
            multipart.Add(new StringContent(value), name);
        request.Content = multipart;

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Invocations);
    }

    private static HttpRequestMessage JsonPost(string pathAndQuery, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        // Signed over the URL alone: the body is covered by bodySHA256.
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute("http://localhost" + pathAndQuery, form: null, WebhookTestHost.Token));
        return request;
    }
}
