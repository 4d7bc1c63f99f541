using System.Net;
using System.Text;
using Ciptex.Voice.Twilio;

namespace Ciptex.Voice.Tests.Twilio;

public sealed class TwilioRequestValidationFilterTests
{
    [Fact]
    public async Task A_signed_webhook_reaches_its_handler()
    {
        await using var host = await WebhookTestHost.StartAsync();

        var response = await host.Client.SendAsync(WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, host.Invocations);
    }

    [Fact]
    public async Task A_webhook_without_a_signature_gets_403_with_an_empty_body_and_the_handler_does_not_run()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields());
        request.Headers.Remove(TwilioSignature.Header);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, host.Invocations);
    }

    [Fact]
    public async Task Status_code_pages_do_not_add_a_body_to_the_refusal()
    {
        await using var host = await WebhookTestHost.StartAsync(statusCodePages: true);
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields(), token: "another-token");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_wrong_signature_gets_403()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var request = WebhookTestHost.FormPost("/twilio/voice/incoming", WebhookTestHost.CallFields(), token: "another-token");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Invocations);
    }

    [Fact]
    public async Task A_signature_made_for_another_URL_gets_403()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var request = WebhookTestHost.FormPost(
            "/twilio/voice/incoming", WebhookTestHost.CallFields(), signedUrl: "http://localhost/twilio/voice/status");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_query_string_of_an_action_URL_is_part_of_what_is_checked()
    {
        await using var host = await WebhookTestHost.StartAsync();

        var signedWithQuery = await host.Client.SendAsync(
            WebhookTestHost.FormPost("/twilio/voice/account?attempt=2", WebhookTestHost.CallFields()));
        var signedWithoutQuery = await host.Client.SendAsync(WebhookTestHost.FormPost(
            "/twilio/voice/account?attempt=2", WebhookTestHost.CallFields(), signedUrl: "http://localhost/twilio/voice/account"));

        Assert.Equal(HttpStatusCode.OK, signedWithQuery.StatusCode);
        Assert.Equal("123456", await signedWithQuery.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, signedWithoutQuery.StatusCode);
    }

    [Fact]
    public async Task A_handler_that_binds_form_fields_still_answers_403_when_unsigned()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/voice/account")
        {
            Content = new FormUrlEncodedContent([new("CallSid", "CA1")]),
        };

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_official_canonical_request_is_accepted_end_to_end()
    {
        await using var host = await WebhookTestHost.StartAsync(
            new() { ["Twilio:AuthToken"] = "12345" }, baseAddress: "https://mycompany.com");
        var request = new HttpRequestMessage(HttpMethod.Post, "/myapp.php?foo=1&bar=2")
        {
            Content = new StringContent(
                "CallSid=CA1234567890ABCDE&From=%2B14158675309&Digits=1234&To=%2B18005551212&Caller=%2B14158675309",
                Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(TwilioSignature.Header, "RSOYDt4T1cUTdK1PDd93/VVr8B8=");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Repeated_form_names_are_checked_value_by_value()
    {
        await using var host = await WebhookTestHost.StartAsync(
            new() { ["Twilio:AuthToken"] = "12345" }, baseAddress: "https://mycompany.com");
        var request = new HttpRequestMessage(HttpMethod.Post, "/myapp.php?foo=1&bar=2")
        {
            Content = new StringContent(
                "Digits=5678&Sid=CA123&Digits=1234&SidAccount=AC123&Digits=1234", Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(TwilioSignature.Header, "IK+Dwps556ElfBT0I3Rgjkr1wJU=");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_GET_webhook_is_checked_over_its_URL()
    {
        await using var host = await WebhookTestHost.StartAsync();
        const string path = "/twilio/voice/status?CallSid=CA123&From=%2B447700900123";
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(TwilioSignature.Header, TwilioSignature.Compute("http://localhost" + path, form: null, WebhookTestHost.Token));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }
}
