using System.Collections.Concurrent;
using PhoneNumbers;

namespace Ciptex.Voice.Phones;

/// <summary>
/// Every number is stored and sent in E.164. Input in national form is read as a UK number.
/// </summary>
public static class PhoneNumberFormat
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // libphonenumber's regular expressions cost more than the rest of a webhook (perf, docs/benchmarks.md), and every
    // webhook of a call carries the same numbers: answers are remembered, up to a bound, then forgotten all at once.
    private const int MostRemembered = 10_000;
    private static readonly ConcurrentDictionary<string, string?> Normalised = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Mobile = new(StringComparer.Ordinal);

    public static bool TryNormalise(string? input, out string e164)
    {
        e164 = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40)
            return false;
        var normalised = Remember(Normalised, input, Normalise);
        e164 = normalised ?? "";
        return normalised is not null;
    }

    /// <summary>Whether a text can reach the number: mobiles, and numbers whose type cannot be told apart from one.</summary>
    public static bool IsMobile(string e164) => Remember(Mobile, e164, IsMobileNumber);

    private static T Remember<T>(ConcurrentDictionary<string, T> answers, string key, Func<string, T> answer)
    {
        if (answers.TryGetValue(key, out var known))
            return known;
        if (answers.Count >= MostRemembered)
            answers.Clear();
        return answers.GetOrAdd(key, answer);
    }

    private static string? Normalise(string input)
    {
        try
        {
            var parsed = Util.Parse(input.Trim(), "GB");
            return Util.IsValidNumber(parsed) || IsDramaMobile(parsed) ? Util.Format(parsed, PhoneNumbers.PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static bool IsMobileNumber(string e164)
    {
        try
        {
            var parsed = Util.Parse(e164, "GB");
            return IsDramaMobile(parsed) || Util.GetNumberType(parsed) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>
    /// Ofcom's drama range 07700 900000–900999: mobile numbers that are never allocated, used in our demo data, docs
    /// and tests. libphonenumber calls them invalid because no one can own them.
    /// </summary>
    private static bool IsDramaMobile(PhoneNumber number) =>
        number.CountryCode == 44 && number.NationalNumber is >= 7700900000 and <= 7700900999;

    /// <summary>For logs: the last four digits hidden (<c>+44770090****</c>).</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
            return "";
        return number.Length <= 4 ? "****" : string.Concat(number.AsSpan(0, number.Length - 4), "****");
    }
}
