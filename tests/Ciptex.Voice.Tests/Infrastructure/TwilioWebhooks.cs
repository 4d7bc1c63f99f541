using System.Net;
using System.Xml.Linq;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Tests.Infrastructure;

/// <summary>Posts webhooks the way Twilio does: form-encoded, signed for the public URL with the account's token.</summary>
public sealed class TwilioWebhooks(HttpClient client, string publicBaseUrl = "https://voice.ciptex.test", string token = VoiceApp.AuthToken)
{
    public HttpClient Client => client;

    public Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form) =>
        PostAsync(pathAndQuery, form.ToList());

    public async Task<HttpResponseMessage> PostAsync(string pathAndQuery, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var signature = TwilioSignature.Compute(publicBaseUrl + pathAndQuery,
            form.Select(kv => new KeyValuePair<string, StringValues>(kv.Key, kv.Value)), token);
        using var request = new HttpRequestMessage(HttpMethod.Post, pathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature);
        return await client.SendAsync(request);
    }

    /// <summary>Posts and returns the TwiML, after checking it is a 200 <c>application/xml</c> document with a Response root.</summary>
    public async Task<XDocument> TwimlAsync(string pathAndQuery, IReadOnlyDictionary<string, string> form)
    {
        using var response = await PostAsync(pathAndQuery, form);
        return await ReadTwimlAsync(response);
    }

    public static async Task<XDocument> ReadTwimlAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var document = XDocument.Parse(body);
        Assert.Equal("Response", document.Root?.Name.LocalName);
        return document;
    }
}
