using System.Buffers;
using System.Net;
using System.Text;
using Ciptex.Voice.Twilio;
using Microsoft.AspNetCore.Http;

namespace Ciptex.Voice.Tests.Twilio;

/// <summary>
/// The form a webhook's handler reads is the one its signature was checked over, decoded as Twilio encodes it: what
/// a caller keyed or a customer texted arrives intact.
/// </summary>
public sealed class WebhookFormTests
{
    private static IFormCollection Parse(string body) => WebhookForm.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)));

    [Theory]
    [InlineData("From=%2B447700900123", "From", "+447700900123")]
    [InlineData("Body=Caf%C3%A9+au+lait", "Body", "Café au lait")]
    [InlineData("Body=100%25+sure%21", "Body", "100% sure!")]
    [InlineData("Body=%F0%9F%91%8D", "Body", "👍")]
    [InlineData("Body=a+%2B+b", "Body", "a + b")]
    [InlineData("Body=50%+off", "Body", "50% off")]
    [InlineData("Body=ends%2", "Body", "ends%2")]
    [InlineData("Body=%zz", "Body", "%zz")]
    [InlineData("Digits=", "Digits", "")]
    [InlineData("Digits", "Digits", "")]
    [InlineData("Caller%20Name=Sam", "Caller Name", "Sam")]
    public void A_field_is_decoded_as_Twilio_encoded_it(string body, string name, string expected) =>
        Assert.Equal(expected, Parse(body)[name].ToString());

    [Fact]
    public void Names_ignore_case_and_a_repeated_name_keeps_every_value_in_order()
    {
        var form = Parse("MediaUrl=b&callsid=CA1&&mediaurl=a");

        Assert.Equal(new[] { "b", "a" }, form["MEDIAURL"].ToArray());
        Assert.Equal("CA1", form["CallSid"].ToString());
        Assert.Equal(2, form.Count);
    }

    [Fact]
    public void A_body_that_arrives_in_pieces_reads_as_one()
    {
        const string body = "CallSid=CA123&From=%2B447700900123&Body=Caf%C3%A9";
        var bytes = Encoding.UTF8.GetBytes(body);
        // Split inside an escape and inside a two-byte character.
        var first = new Segment(bytes.AsMemory(0, 30));
        var last = first.Append(bytes.AsMemory(30, 16)).Append(bytes.AsMemory(46));

        var form = WebhookForm.Parse(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));

        Assert.Equal(("CA123", "+447700900123", "Café"), (form["CallSid"].ToString(), form["From"].ToString(), form["Body"].ToString()));
    }

    [Fact]
    public void A_form_of_more_fields_than_any_webhook_is_refused()
    {
        var body = string.Join('&', Enumerable.Range(0, WebhookForm.MostFields + 1).Select(i => $"f{i}=x"));

        Assert.Throws<InvalidDataException>(() => Parse(body));
        Assert.Equal(WebhookForm.MostFields, Parse(string.Join('&', Enumerable.Range(0, WebhookForm.MostFields).Select(i => $"f{i}=x"))).Count);
    }

    [Fact]
    public async Task The_handler_reads_the_values_the_signature_was_checked_over()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var form = new List<KeyValuePair<string, string>>
        {
            new("From", "+447700900123"), new("Body", "Café + 100% sure 👍"), new("Body", "second"),
        };

        var response = await host.Client.SendAsync(WebhookTestHost.FormPost("/twilio/echo", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("From=+447700900123\nBody=Café + 100% sure 👍|second", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_form_of_too_many_fields_is_refused_before_the_handler()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var form = Enumerable.Range(0, WebhookForm.MostFields + 1).Select(i => new KeyValuePair<string, string>($"f{i}", "x")).ToList();

        var response = await host.Client.SendAsync(WebhookTestHost.FormPost("/twilio/echo", form));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, host.Invocations);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
