using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// Writes a TwiML document straight into UTF-8 bytes: the declaration, a <c>&lt;Response&gt;</c>, the verbs, the end.
/// It stands in for the Twilio library's object model and <c>XDocument</c>, which took about 14% of
/// <c>/incoming</c>'s CPU and 13 KB a response (docs/benchmarks.md). Elements are written the way that library wrote
/// them, so Twilio reads the same documents: one with no content has an end tag (<c>&lt;Hangup&gt;&lt;/Hangup&gt;</c>).
/// </summary>
internal sealed class TwimlWriter
{
    // Big enough for the longest step (a greeting with incidents and the category menu) without growing.
    private const int InitialCapacity = 2048;

    // The ASCII that stands for itself, written as it is; anything else is looked at one character at a time.
    private static readonly SearchValues<char> PlainText = SearchValues.Create("\t\n\r" + AsciiFromSpaceExcept("&<>"));
    private static readonly SearchValues<char> PlainAttribute = SearchValues.Create(AsciiFromSpaceExcept("&<>\""));

    private readonly ArrayBufferWriter<byte> _buffer = new(InitialCapacity);
    private bool _startTagOpen;
    private bool _finished;

    public TwimlWriter() => Write("""<?xml version="1.0" encoding="utf-8"?><Response>"""u8);

    /// <summary>Starts <c>&lt;name</c>; attributes may follow until content or the end tag is written.</summary>
    public void StartElement(ReadOnlySpan<byte> name)
    {
        ThrowIfFinished();
        CloseStartTag();
        Write("<"u8);
        Write(name);
        _startTagOpen = true;
    }

    public void Attribute(ReadOnlySpan<byte> name, string value)
    {
        WriteAttributeStart(name);
        WriteEscaped(value, PlainAttribute);
        Write("\""u8);
    }

    public void Attribute(ReadOnlySpan<byte> name, int value)
    {
        WriteAttributeStart(name);
        value.TryFormat(_buffer.GetSpan(11), out var written, provider: CultureInfo.InvariantCulture);
        _buffer.Advance(written);
        Write("\""u8);
    }

    /// <summary>Lower case, as TwiML's booleans are.</summary>
    public void Attribute(ReadOnlySpan<byte> name, bool value)
    {
        WriteAttributeStart(name);
        Write(value ? "true\""u8 : "false\""u8);
    }

    public void Text(string text)
    {
        ThrowIfFinished();
        CloseStartTag();
        WriteEscaped(text, PlainText);
    }

    public void EndElement(ReadOnlySpan<byte> name)
    {
        ThrowIfFinished();
        CloseStartTag();
        Write("</"u8);
        Write(name);
        Write(">"u8);
    }

    /// <summary>Ends the <c>&lt;Response&gt;</c>; the document is then complete and nothing more can be written.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        if (!_finished)
        {
            EndElement("Response"u8);
            _finished = true;
        }
        return _buffer.WrittenMemory;
    }

    private void WriteAttributeStart(ReadOnlySpan<byte> name)
    {
        if (!_startTagOpen)
            throw new InvalidOperationException("An attribute can only follow the start of an element.");
        Write(" "u8);
        Write(name);
        Write("=\""u8);
    }

    private void CloseStartTag()
    {
        if (!_startTagOpen)
            return;
        Write(">"u8);
        _startTagOpen = false;
    }

    private void ThrowIfFinished()
    {
        if (_finished)
            throw new InvalidOperationException("The TwiML document is already finished.");
    }

    /// <summary>
    /// Escapes markup, and turns each character XML 1.0 does not allow into a space: incident names come from other
    /// companies' status pages and customer names from the admin API, and neither may break a caller's call.
    /// </summary>
    private void WriteEscaped(ReadOnlySpan<char> value, SearchValues<char> plain)
    {
        while (true)
        {
            var next = value.IndexOfAnyExcept(plain);
            WriteAscii(next < 0 ? value : value[..next]);
            if (next < 0)
                return;
            value = value[next..];
            var status = Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            value = value[consumed..];
            if (status != OperationStatus.Done || !IsXmlCharacter(rune))
                Write(" "u8);
            else if (rune.IsAscii)
                Write(Reference((char)rune.Value));
            else
                _buffer.Advance(rune.EncodeToUtf8(_buffer.GetSpan(4)));
        }
    }

    private static ReadOnlySpan<byte> Reference(char markup) => markup switch
    {
        '&' => "&amp;"u8,
        '<' => "&lt;"u8,
        '>' => "&gt;"u8,
        '"' => "&quot;"u8,
        // Only in an attribute, whose parser would turn them into spaces: written as references, they are kept.
        '\t' => "&#x9;"u8,
        '\n' => "&#xA;"u8,
        '\r' => "&#xD;"u8,
        _ => throw new UnreachableException($"U+{(int)markup:X4} is plain ASCII."),
    };

    // XML 1.0 §2.2 Char, less the surrogates, which a Rune never is.
    private static bool IsXmlCharacter(Rune rune) =>
        rune.Value is '\t' or '\n' or '\r' or (>= 0x20 and not (0xFFFE or 0xFFFF));

    private void WriteAscii(ReadOnlySpan<char> text)
    {
        if (!text.IsEmpty)
            _buffer.Advance(Encoding.ASCII.GetBytes(text, _buffer.GetSpan(text.Length)));
    }

    private void Write(ReadOnlySpan<byte> utf8) => _buffer.Write(utf8);

    private static string AsciiFromSpaceExcept(string markup) =>
        string.Concat(Enumerable.Range(' ', 0x80 - ' ').Select(c => (char)c).Where(c => !markup.Contains(c)));
}
