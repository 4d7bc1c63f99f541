using Ciptex.Voice.Ivr;
using Ciptex.Voice.Sms;
using Ciptex.Voice.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ciptex.Voice.Tests.Ivr;

public sealed class RepromptAndHangUpTests : IvrTestBase
{
    [Fact]
    public async Task A_wrong_key_is_named_and_the_menu_asked_again_then_three_strikes_end_the_call_politely()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();

        await call.PressAsync("9");
        Assert.Contains("Sorry, that is not one of the options.", call.Said);
        Assert.EndsWith("/twilio/voice/category?attempt=2", call.ActionOf("Gather"));
        await call.SilenceAsync();
        Assert.Contains("Sorry, I did not hear anything.", call.Said);
        await call.PressAsync("#");

        Assert.True(call.HungUp);
        Assert.Contains("Goodbye.", call.Said);
        Assert.Empty(await TicketsAsync());
        ApprovedTwiml.AssertMatches("give-up", call.Twiml);
    }

    [Fact]
    public async Task Star_repeats_the_category_menu_without_using_up_a_try()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("9");
        await call.PressAsync("*");

        Assert.Contains("Press 1 for P1", call.Said);
        Assert.DoesNotContain("Sorry", call.Said);
        Assert.EndsWith("/twilio/voice/category?attempt=2", call.ActionOf("Gather"));
        ApprovedTwiml.AssertMatches("category-menu-repeated", call.Twiml);
    }

    [Fact]
    public async Task The_production_question_re_prompts_on_a_wrong_key()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("1");
        await call.PressAsync("7");

        Assert.Contains("Sorry, that is not one of the options. Is a production service affected?", call.Said);
        Assert.EndsWith("/twilio/voice/confirm?attempt=2&question=production", call.ActionOf("Gather"));
    }

    [Fact]
    public async Task A_P1_caller_who_hangs_up_before_leaving_details_is_texted_to_level_one_once()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        await call.PressAsync("1");

        (await call.HangUpAsync()).EnsureSuccessStatusCode();
        (await call.HangUpAsync()).EnsureSuccessStatusCode();

        var page = Assert.Single(await TextsAsync());
        Assert.Equal((VoiceApp.OnCallPhone, MessagePriority.UrgentPage), (page.To, page.Priority));
        Assert.Contains("P1 caller hung up before leaving details: Acme Retail, +447700900123", page.Body);
        var record = await SessionAsync(call.CallSid);
        Assert.Equal("completed", record?.EndStatus);
        Assert.Empty(await TicketsAsync());
    }

    [Fact]
    public async Task A_caller_who_hangs_up_in_the_menus_leaves_a_call_record_and_pages_nobody()
    {
        var call = Call(StrangerMobile);
        await call.DialAsync();
        (await call.HangUpAsync()).EnsureSuccessStatusCode();

        var record = await SessionAsync(call.CallSid);
        Assert.NotNull(record?.EndedAt);
        Assert.Empty(await TextsAsync());
    }

    [Fact]
    public async Task A_P1_caller_who_hangs_up_after_the_ticket_was_created_is_not_paged_as_a_hang_up()
    {
        var call = await RaiseAsync(AcmeMobile, "1", "1");
        (await call.HangUpAsync()).EnsureSuccessStatusCode();

        Assert.DoesNotContain(await TextsAsync(), m => m.Body.Contains("hung up"));
    }
}

public sealed class IvrSafetyNetTests : IvrTestBase
{
    [Fact]
    public async Task When_the_database_is_gone_the_caller_is_still_answered_with_the_fallback_message()
    {
        var call = Call(AcmeMobile);
        await call.DialAsync();
        // The database goes after the call's session is stored: the session writer holds no connection then.
        await App.Services.GetRequiredService<CallStarts>().AllStoredAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(App.DatabasePath + suffix);
        Directory.CreateDirectory(App.DatabasePath);
        try
        {
            await call.PressAsync("1");
            Assert.Contains("our phone system is having a problem", call.Said);
            Assert.NotNull(call.Twiml.Root?.Element("Record"));

            using var callback = await call.HangUpAsync();
            await TwilioWebhooks.ReadTwimlAsync(callback);
        }
        finally
        {
            Directory.Delete(App.DatabasePath);
        }
    }
}
