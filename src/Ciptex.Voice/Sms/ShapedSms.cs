namespace Ciptex.Voice.Sms;

/// <summary>A text ready to send, with what it costs.</summary>
/// <param name="WasShortened">
/// True when <see cref="Text"/> is not the text given: it was too long, so its whitespace was squeezed and, if that
/// was not enough, it was cut. A text that fits is never touched.
/// </param>
public sealed record ShapedSms(string Text, SmsEncoding Encoding, int Segments, bool WasShortened);
