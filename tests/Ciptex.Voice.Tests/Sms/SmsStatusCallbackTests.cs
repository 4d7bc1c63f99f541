using System.Net;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using static Ciptex.Voice.Tests.Sms.SmsApp;

namespace Ciptex.Voice.Tests.Sms;

public sealed class SmsStatusCallbackTests : IAsyncLifetime
{
    private const string Path = "/twilio/sms/status";
    private readonly TwilioFake _twilio = new();
    private readonly VoiceApp _app = new();
    private OutboundMessage _sent = null!;

    public async Task InitializeAsync()
    {
        _twilio.AcceptsAll();
        _app.SendingTo(_twilio);
        await _app.EnqueueAsync(Text(1));
        await _app.DispatchAsync();
        _sent = await _app.MessageAsync("test:1");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _twilio.Dispose();
    }

    [Fact]
    public async Task Callbacks_move_a_sent_text_to_delivered_and_are_answered_with_an_empty_response()
    {
        var sent = await CallbackAsync("sent");
        var delivered = await CallbackAsync("delivered");

        Assert.Empty(sent.Root!.Elements());
        Assert.Empty(delivered.Root!.Elements());
        var message = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Delivered, null), (message.Status, message.ErrorCode));
    }

    [Fact]
    public async Task A_late_sent_does_not_undo_delivered()
    {
        await CallbackAsync("delivered");
        await CallbackAsync("sent");
        await CallbackAsync("undelivered", errorCode: "30003");

        var message = await _app.MessageAsync("test:1");
        Assert.Equal((OutboundMessageStatus.Delivered, null), (message.Status, message.ErrorCode));
    }

    [Theory]
    [InlineData("undelivered", "30003", OutboundMessageStatus.Undelivered)]
    [InlineData("failed", "30007", OutboundMessageStatus.Failed)]
    public async Task An_undelivered_or_failed_text_keeps_Twilios_error_code(string status, string errorCode, OutboundMessageStatus expected)
    {
        await CallbackAsync(status, errorCode);

        var message = await _app.MessageAsync("test:1");
        Assert.Equal((expected, int.Parse(errorCode, System.Globalization.CultureInfo.InvariantCulture)), (message.Status, message.ErrorCode));
    }

    [Fact]
    public async Task A_callback_for_an_unknown_MessageSid_is_answered_200_and_changes_nothing()
    {
        var before = await _app.MessagesAsync();

        var reply = await CallbackAsync("delivered", sid: "SM00000000000000000000000000000000");

        Assert.Equal("Response", reply.Root!.Name.LocalName);
        Assert.Equivalent(before, await _app.MessagesAsync());
    }

    [Fact]
    public async Task A_failed_callback_with_21610_opts_the_recipient_out_of_our_sender()
    {
        await CallbackAsync("failed", errorCode: "21610");

        Assert.True(await _app.InScopeAsync(s => s.GetRequiredService<SmsConsent>().IsOptedOutAsync(Phone(1), SupportNumber, default)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another-auth-token-987654321")]
    public async Task Unsigned_or_wrongly_signed_callbacks_are_refused_with_403_and_change_nothing(string? token)
    {
        var form = Form("delivered", _sent.TwilioSid!, null);
        using var client = _app.CreateClient();
        HttpResponseMessage response;
        if (token is null)
            response = await client.PostAsync(Path, new FormUrlEncodedContent(form));
        else
            response = await new TwilioWebhooks(client, token: token).PostAsync(Path, form);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Equal(OutboundMessageStatus.Sent, (await _app.MessageAsync("test:1")).Status);
    }

    private Task<System.Xml.Linq.XDocument> CallbackAsync(string status, string? errorCode = null, string? sid = null) =>
        _app.Twilio().TwimlAsync(Path, Form(status, sid ?? _sent.TwilioSid!, errorCode));

    /// <summary>A real status callback (Fixtures/Twilio), about our message.</summary>
    private static Dictionary<string, string> Form(string status, string sid, string? errorCode)
    {
        var form = QueryHelpers.ParseQuery(TwilioFake.Fixture("webhook-sms-status-sent.THIRDPARTY.form"))
            .ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        form["MessageSid"] = form["SmsSid"] = sid;
        form["MessageStatus"] = form["SmsStatus"] = status;
        form["To"] = Phone(1);
        form["From"] = SupportNumber;
        if (errorCode is not null)
            form["ErrorCode"] = errorCode;
        return form;
    }
}
