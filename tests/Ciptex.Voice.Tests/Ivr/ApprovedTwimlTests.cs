using Ciptex.Voice.Tests.Infrastructure;

namespace Ciptex.Voice.Tests.Ivr;

/// <summary>Each step of the call says exactly what its approved file in <c>twiml/</c> says.</summary>
public sealed class ApprovedTwimlTests : IvrTestBase
{
    [Fact]
    public async Task A_known_caller_is_greeted_and_offered_the_categories()
    {
        var call = Call(AcmeMobile, "CA00000000000000000000000000000001");
        ApprovedTwiml.AssertMatches("incoming-known-caller", await call.DialAsync());
        ApprovedTwiml.AssertMatches("confirm-production", await call.PressAsync("1"));
        ApprovedTwiml.AssertMatches("record-details", await call.PressAsync("1"));
        ApprovedTwiml.AssertMatches("record-silence", await call.SilenceAsync());
        ApprovedTwiml.AssertMatches("ticket-read-back", await call.RecordAsync());
    }

    [Fact]
    public async Task An_unknown_caller_is_asked_for_the_account_and_the_steps_read_as_approved()
    {
        var call = Call(StrangerMobile, "CA00000000000000000000000000000002");
        ApprovedTwiml.AssertMatches("incoming-unknown-caller", await call.DialAsync());
        ApprovedTwiml.AssertMatches("account-not-recognised", await call.PressAsync("123456"));
        ApprovedTwiml.AssertMatches("account-found", await call.PressAsync("100001"));
        ApprovedTwiml.AssertMatches("production-not-affected", await (await Then(call, "2")).PressAsync("2"));
    }

    [Fact]
    public async Task An_unverified_caller_hears_that_we_carry_on_without_the_account()
    {
        var call = Call(null, "CA00000000000000000000000000000003");
        await call.DialAsync();
        await call.SilenceAsync();
        await call.SilenceAsync();
        ApprovedTwiml.AssertMatches("account-carry-on-unverified", await call.SilenceAsync());
    }

    [Fact]
    public async Task Callbacks_are_answered_with_an_empty_response()
    {
        var call = await RaiseAsync(AcmeMobile, "3");
        using var response = await call.HangUpAsync();
        ApprovedTwiml.AssertMatches("callback-empty", await TwilioWebhooks.ReadTwimlAsync(response));
    }

    private static async Task<PhoneCall> Then(PhoneCall call, string digits)
    {
        await call.PressAsync(digits);
        return call;
    }
}
