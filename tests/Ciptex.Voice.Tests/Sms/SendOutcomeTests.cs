using Ciptex.Voice.Sms;

namespace Ciptex.Voice.Tests.Sms;

public sealed class SendOutcomeTests
{
    [Theory]
    [InlineData(20429, 429)]
    [InlineData(0, 429)]
    [InlineData(20500, 500)]
    [InlineData(0, 503)]
    [InlineData(20003, 401)] // our credentials, not the text: retried while someone fixes Twilio:AuthToken
    [InlineData(0, null)]    // neither code nor status: retried, and the attempt limit bounds it
    public void Busy_broken_or_unreachable_Twilio_is_transient(int code, int? status)
    {
        Assert.IsType<SendOutcome.Transient>(SendOutcome.FromError(code, status, "x"));
    }

    [Theory]
    [InlineData(21211, 400)]
    [InlineData(21408, 400)]
    [InlineData(21610, 400)]
    [InlineData(21614, 400)]
    [InlineData(21635, 400)]
    [InlineData(21610, null)] // the SDK lost the status; the code alone is enough
    [InlineData(21602, 400)]
    [InlineData(0, 404)]
    public void Errors_about_the_text_or_its_recipient_are_permanent_and_keep_the_code(int code, int? status)
    {
        var outcome = Assert.IsType<SendOutcome.Permanent>(SendOutcome.FromError(code, status, "x"));

        Assert.Equal(code != 0 ? code : status, outcome.ErrorCode);
    }

    [Theory]
    [InlineData(1, 1, 2)]
    [InlineData(2, 2, 4)]
    [InlineData(5, 16, 32)]
    [InlineData(12, 300, 600)]
    [InlineData(40, 300, 600)]
    public void Backoff_doubles_from_two_seconds_to_a_ten_minute_cap_with_up_to_half_taken_off_at_random(int attempts, double least, double most)
    {
        Assert.Equal(TimeSpan.FromSeconds(least), SendRetryPolicy.Delay(attempts, 0));
        Assert.Equal(TimeSpan.FromSeconds(most), SendRetryPolicy.Delay(attempts, 1));
        Assert.InRange(SendRetryPolicy.Delay(attempts, 0.5), TimeSpan.FromSeconds(least), TimeSpan.FromSeconds(most));
    }
}
