namespace Ciptex.Voice.Twilio;

/// <summary>The answer to an incoming text: <c>new MessagingTwiml().Message(reply).ToResult()</c>.</summary>
public sealed class MessagingTwiml
{
    private readonly TwimlWriter _writer = new();

    /// <summary>A text back to the sender.</summary>
    public MessagingTwiml Message(string body)
    {
        _writer.StartElement("Message"u8);
        _writer.Text(body);
        _writer.EndElement("Message"u8);
        return this;
    }

    public TwiMLResult ToResult() => new(_writer.Finish());
}
