namespace Ciptex.Voice.Twilio;

/// <summary>
/// String surgery on the URL Twilio signed. <see cref="Uri"/> is not used because it lower-cases the host and
/// hides default ports, and Twilio signs the URL exactly as configured (reference/twilio.md §1.4, V7–V15).
/// </summary>
internal static class TwilioUrl
{
    /// <summary>
    /// The URL as given, then the same URL with its explicit port removed, or with the scheme's default port
    /// added when it had none: Twilio has signed both forms over the years and every official library tries both.
    /// </summary>
    public static IEnumerable<string> PortVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            yield break;
        var scheme = url[..schemeEnd];
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?'], authorityStart);
        if (authorityEnd < 0)
            authorityEnd = url.Length;
        var hostStart = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) + 1;
        if (hostStart == 0)
            hostStart = authorityStart;

        var colon = url.LastIndexOf(':', authorityEnd - 1, authorityEnd - hostStart);
        var closingBracket = url.LastIndexOf(']', authorityEnd - 1, authorityEnd - hostStart);
        var hasPort = colon > closingBracket && colon > hostStart && IsDigits(url.AsSpan(colon + 1, authorityEnd - colon - 1));
        if (hasPort)
        {
            yield return string.Concat(url.AsSpan(0, colon), url.AsSpan(authorityEnd));
            yield break;
        }
        var defaultPort = scheme.ToLowerInvariant() switch
        {
            "https" => ":443",
            "http" => ":80",
            _ => null,
        };
        if (defaultPort is not null)
            yield return url.Insert(authorityEnd, defaultPort);
    }

    /// <summary>The decoded value of a query parameter that occurs exactly once, otherwise null.</summary>
    public static string? SingleQueryValue(string url, string name)
    {
        var question = url.IndexOf('?');
        if (question < 0)
            return null;
        string? found = null;
        foreach (var pair in url[(question + 1)..].Split('&'))
        {
            var equals = pair.IndexOf('=');
            var key = equals < 0 ? pair : pair[..equals];
            if (!string.Equals(key, name, StringComparison.Ordinal))
                continue;
            if (found is not null)
                return null;
            found = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }
        return found;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9');
}
