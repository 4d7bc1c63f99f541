using Ciptex.Voice.Sms;
using static Ciptex.Voice.Sms.InboundSmsCommand;

namespace Ciptex.Voice.Tests.Sms;

public class InboundSmsCommandTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("STOPALL")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("CANCEL")]
    [InlineData("END")]
    [InlineData("QUIT")]
    [InlineData("REVOKE")]
    [InlineData("OPTOUT")]
    [InlineData("stop")]
    [InlineData("Stop.")]
    [InlineData("  sToP !\n")]
    [InlineData("\"Unsubscribe\"")]
    public void Each_of_twilios_opt_out_words_alone_is_an_opt_out(string body)
    {
        Assert.Equal(new OptOut(), Parse(body));
    }

    [Theory]
    [InlineData("STOP PLEASE")]
    [InlineData("please stop")]
    [InlineData("stop it now")]
    [InlineData("quit texting me")]
    public void An_opt_out_word_with_other_words_is_not_an_opt_out(string body)
    {
        Assert.Equal(new Unknown(), Parse(body));
    }

    [Theory]
    [InlineData("START")]
    [InlineData("YES")]
    [InlineData("UNSTOP")]
    [InlineData(" yes! ")]
    [InlineData("Start")]
    public void Each_of_twilios_opt_in_words_alone_is_an_opt_in(string body)
    {
        Assert.Equal(new OptIn(), Parse(body));
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("help")]
    [InlineData("INFO")]
    [InlineData("Info?")]
    public void Help_and_info_ask_for_help(string body)
    {
        Assert.Equal(new Help(), Parse(body));
    }

    [Theory]
    [InlineData("SUBSCRIBE", null)]
    [InlineData("subscribe twilio", "twilio")]
    [InlineData("Subscribe   CIPTEX", "ciptex")]
    [InlineData("SUBSCRIBE ALL", null)]
    [InlineData("  subscribe Twilio. ", "twilio")]
    public void Subscribe_names_a_status_page_or_none_for_all(string body, string? page)
    {
        Assert.Equal(new Subscribe(page), Parse(body));
    }

    [Theory]
    [InlineData("UNSUBSCRIBE TWILIO", "twilio")]
    [InlineData("unsubscribe ciptex", "ciptex")]
    [InlineData("Unsubscribe all", null)]
    public void Unsubscribe_with_a_page_leaves_that_page_without_opting_out(string body, string? page)
    {
        Assert.Equal(new Unsubscribe(page), Parse(body));
    }

    [Fact]
    public void Bare_unsubscribe_is_an_opt_out_because_twilio_blocks_the_number_for_it()
    {
        Assert.Equal(new OptOut(), Parse("Unsubscribe"));
    }

    [Theory]
    [InlineData("SUBSCRIBE AWS")]
    [InlineData("UNSUBSCRIBE TWILIO CIPTEX")]
    [InlineData("SUBSCRIBETWILIO")]
    public void An_unknown_page_name_is_not_understood(string body)
    {
        Assert.Equal(new Unknown(), Parse(body));
    }

    [Theory]
    [InlineData("STATUS")]
    [InlineData("status")]
    [InlineData("Status?")]
    public void Status_asks_for_the_status_pages(string body)
    {
        Assert.Equal(new Status(), Parse(body));
    }

    [Theory]
    [InlineData("CIP-000123")]
    [InlineData("cip-000123")]
    [InlineData("cip 000123")]
    [InlineData("CIP000123")]
    [InlineData("CIP-123")]
    [InlineData("CIP - 123")]
    [InlineData("CIP_123")]
    [InlineData("123")]
    [InlineData("#123")]
    [InlineData("CIP-0000123")]
    [InlineData("CIP-000123.")]
    public void Every_written_form_of_a_reference_is_normalised(string reference)
    {
        Assert.Equal(new Ticket("CIP-000123"), Parse("TICKET " + reference));
        Assert.Equal(new Ack("CIP-000123"), Parse("ACK " + reference));
    }

    [Fact]
    public void A_reference_of_more_than_six_digits_keeps_them_all()
    {
        Assert.Equal(new Ack("CIP-1234567"), Parse("ack cip1234567"));
    }

    [Theory]
    [InlineData("TICKET")]
    [InlineData("ticket")]
    [InlineData(" Ticket? ")]
    public void Ticket_without_a_reference_means_the_latest_one(string body)
    {
        Assert.Equal(new Ticket(null), Parse(body));
    }

    [Theory]
    [InlineData("ACK")]
    [InlineData("ack")]
    [InlineData("Ack!")]
    public void Ack_without_a_reference_means_the_latest_one(string body)
    {
        Assert.Equal(new Ack(null), Parse(body));
    }

    [Theory]
    [InlineData("TICKET ABC")]
    [InlineData("ACK CIP-")]
    [InlineData("ACK CIP-12a")]
    [InlineData("ACK 123 456")]
    [InlineData("TICKET ١٢٣")]
    [InlineData("ACK 1234567890123456789")]
    public void A_reference_that_is_not_one_is_not_understood(string body)
    {
        Assert.Equal(new Unknown(), Parse(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!")]
    [InlineData("Hello, is anyone there?")]
    [InlineData("STATUS TWILIO")]
    [InlineData("HELP ME")]
    [InlineData("😀")]
    public void Anything_else_is_unknown(string? body)
    {
        Assert.Equal(new Unknown(), Parse(body));
    }

    [Theory]
    [InlineData("STOP", "ARRET", typeof(OptOut))]
    [InlineData("stop", "SUBSCRIBE", typeof(OptOut))]
    [InlineData("START", "DEMARRER", typeof(OptIn))]
    [InlineData("HELP", "AIDE", typeof(Help))]
    public void Twilios_opt_out_type_wins_over_the_body(string optOutType, string body, Type expected)
    {
        Assert.IsType(expected, Parse(body, optOutType));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SOMETHING-NEW")]
    public void Without_a_known_opt_out_type_the_body_decides(string? optOutType)
    {
        Assert.Equal(new Subscribe("twilio"), Parse("SUBSCRIBE TWILIO", optOutType));
    }
}
