namespace Ciptex.Voice.Twilio;

/// <summary>
/// The answer to a voice webhook, with the verbs the IVR uses, written as they are added (<see cref="TwimlWriter"/>):
/// <c>return new VoiceTwiml().Say("Hello", voice, language).Hangup().ToResult();</c>. Attributes come in the order
/// the Twilio library wrote them, which the approved documents in <c>twiml/</c> hold us to. Every URL we give Twilio
/// is a POST endpoint of ours, hence <c>method="POST"</c> on each verb that calls back.
/// </summary>
public sealed class VoiceTwiml
{
    private readonly TwimlWriter _writer = new();
    private bool _inGather;

    public VoiceTwiml Say(string text, string voice, string language)
    {
        _writer.StartElement("Say"u8);
        _writer.Attribute("voice"u8, voice);
        _writer.Attribute("language"u8, language);
        _writer.Text(text);
        _writer.EndElement("Say"u8);
        return this;
    }

    /// <summary>
    /// Starts a <c>&lt;Gather&gt;</c> of keypad digits; the <see cref="Say"/>s that follow are its prompt, until
    /// <see cref="EndGather"/>. Twilio posts to <paramref name="action"/> even when no key was pressed, so the step
    /// can apologise and ask again.
    /// </summary>
    public VoiceTwiml StartGather(string action, int timeout, string finishOnKey, int numDigits)
    {
        StartVerb("Gather"u8);
        _writer.Attribute("input"u8, "dtmf");
        _writer.Attribute("action"u8, action);
        _writer.Attribute("method"u8, "POST");
        _writer.Attribute("timeout"u8, timeout);
        _writer.Attribute("finishOnKey"u8, finishOnKey);
        _writer.Attribute("numDigits"u8, numDigits);
        _writer.Attribute("actionOnEmptyResult"u8, true);
        _inGather = true;
        return this;
    }

    public VoiceTwiml EndGather()
    {
        if (!_inGather)
            throw new InvalidOperationException("EndGather without StartGather.");
        _writer.EndElement("Gather"u8);
        _inGather = false;
        return this;
    }

    public VoiceTwiml Record(string action, int timeout, string finishOnKey, int maxLength, bool playBeep,
        string recordingStatusCallback, bool transcribe, string transcribeCallback)
    {
        StartVerb("Record"u8);
        _writer.Attribute("action"u8, action);
        _writer.Attribute("method"u8, "POST");
        _writer.Attribute("timeout"u8, timeout);
        _writer.Attribute("finishOnKey"u8, finishOnKey);
        _writer.Attribute("maxLength"u8, maxLength);
        _writer.Attribute("playBeep"u8, playBeep);
        _writer.Attribute("recordingStatusCallback"u8, recordingStatusCallback);
        _writer.Attribute("recordingStatusCallbackMethod"u8, "POST");
        _writer.Attribute("transcribe"u8, transcribe);
        _writer.Attribute("transcribeCallback"u8, transcribeCallback);
        _writer.EndElement("Record"u8);
        return this;
    }

    public VoiceTwiml Redirect(string url)
    {
        StartVerb("Redirect"u8);
        _writer.Attribute("method"u8, "POST");
        _writer.Text(url);
        _writer.EndElement("Redirect"u8);
        return this;
    }

    public VoiceTwiml Hangup()
    {
        StartVerb("Hangup"u8);
        _writer.EndElement("Hangup"u8);
        return this;
    }

    public TwiMLResult ToResult()
    {
        if (_inGather)
            throw new InvalidOperationException("A Gather was started and not ended.");
        return new TwiMLResult(_writer.Finish());
    }

    // Twilio lets a Gather hold only Say, Play and Pause; anything else would be a document it rejects mid-call.
    private void StartVerb(ReadOnlySpan<byte> name)
    {
        if (_inGather)
            throw new InvalidOperationException("Only Say can be nested in a Gather.");
        _writer.StartElement(name);
    }
}
