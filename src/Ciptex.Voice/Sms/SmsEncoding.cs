namespace Ciptex.Voice.Sms;

/// <summary>How a text travels: the whole message is GSM-7 when every character fits, else UCS-2.</summary>
public enum SmsEncoding
{
    /// <summary>7-bit septets: 160 in a single message, 153 per part of a concatenated one.</summary>
    Gsm7,

    /// <summary>UTF-16 code units: 70 in a single message, 67 per part; an emoji takes two.</summary>
    Ucs2,
}
