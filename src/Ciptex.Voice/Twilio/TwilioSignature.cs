using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// Computes and checks <c>X-Twilio-Signature</c> (reference/twilio.md §1). Hand-written rather than
/// <c>Twilio.Security.RequestValidator</c> because that class comma-joins repeated form values.
/// </summary>
public static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";
    public const string SettingsHeader = "X-Twilio-Webhooks-Signature-Settings";
    public const string HmacSha1 = "HMAC_SHA1";
    public const string HmacSha256 = "HMAC_SHA256";
    public const string BodyHashParameter = "bodySHA256";

    /// <summary>
    /// The signature Twilio would send for a request to <paramref name="url"/> carrying these form fields
    /// (none for GET and JSON requests). Used by tests and the phone simulator to sign their requests.
    /// </summary>
    public static string Compute(
        string url, IEnumerable<KeyValuePair<string, StringValues>>? form, string authToken, string algorithm = HmacSha1)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        var key = Encoding.UTF8.GetBytes(authToken);
        using var parameters = SignedParameters.Of(form);
        byte[] message = [.. Encoding.UTF8.GetBytes(WithoutFragment(url)), .. parameters.Bytes];
        var hash = algorithm switch
        {
            HmacSha1 => HMACSHA1.HashData(key, message),
            HmacSha256 => HMACSHA256.HashData(key, message),
            _ => throw new ArgumentException($"Unsupported signature algorithm '{algorithm}'.", nameof(algorithm)),
        };
        return Convert.ToBase64String(hash);
    }

    /// <summary>Appends <c>bodySHA256</c> to the URL, as Twilio does before signing a JSON request.</summary>
    public static string WithBodyHash(string url, ReadOnlySpan<byte> body) =>
        url + (url.Contains('?') ? '&' : '?') + BodyHashParameter + "=" + BodyHash(body);

    /// <summary>Lower-case hex SHA-256 of the raw body.</summary>
    public static string BodyHash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>
    /// The algorithm named by <c>X-Twilio-Webhooks-Signature-Settings</c> (<c>key=…,algorithm=HMAC_SHA256</c>):
    /// HMAC-SHA1 when the header or its <c>algorithm</c> is absent, null when the algorithm is not supported.
    /// </summary>
    public static string? AlgorithmFrom(string? signatureSettings)
    {
        foreach (var part in (signatureSettings ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!part.StartsWith("algorithm=", StringComparison.OrdinalIgnoreCase))
                continue;
            var algorithm = part["algorithm=".Length..];
            return algorithm is HmacSha1 or HmacSha256 ? algorithm : null;
        }
        return HmacSha1;
    }

    /// <summary>
    /// Whether <paramref name="signature"/> signs a form post (or, with no form, a bodiless request) to
    /// <paramref name="url"/>. The URL's port variants are tried and its fragment ignored.
    /// </summary>
    public static bool IsValid(
        string url, IEnumerable<KeyValuePair<string, StringValues>>? form, string? signature, string authToken,
        string? signatureSettings = null)
    {
        var algorithm = AlgorithmFrom(signatureSettings);
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken) || algorithm is null)
            return false;
        // Checked on every webhook: the parameters are encoded once, and the hash of each URL variant is compared
        // as base64 characters without building the string to sign (docs/benchmarks.md). The first variant is the URL
        // as called, so a genuine request is usually settled by one hash; which variant matched is no secret.
        var hmac = KeyedHmac.For(algorithm, authToken);
        using var parameters = SignedParameters.Of(form);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<char> expected = stackalloc char[44];
        foreach (var variant in TwilioUrl.PortVariants(WithoutFragment(url)))
        {
            AppendUtf8(hmac, variant);
            hmac.AppendData(parameters.Bytes);
            var hashed = hmac.GetHashAndReset(hash);
            Convert.TryToBase64Chars(hash[..hashed], expected, out var written);
            if (CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(expected[..written]), MemoryMarshal.AsBytes(signature.AsSpan())))
                return true;
        }
        return false;
    }

    private static void AppendUtf8(IncrementalHash hmac, string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = most > 1024 ? ArrayPool<byte>.Shared.Rent(most) : null;
        Span<byte> bytes = rented ?? stackalloc byte[1024];
        hmac.AppendData(bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>
    /// One keyed HMAC per thread, reset by each <c>GetHashAndReset</c>: setting up a new one (OpenSSL's context and
    /// key schedule) cost every webhook more than hashing its form (docs/benchmarks.md). Replaced when the key or the
    /// algorithm changes (a rotation, or a request signed with the other algorithm).
    /// </summary>
    private sealed class KeyedHmac
    {
        [ThreadStatic] private static KeyedHmac? _current;

        private readonly string _algorithm;
        private readonly string _key;
        private readonly IncrementalHash _hmac;

        private KeyedHmac(string algorithm, string key)
        {
            _algorithm = algorithm;
            _key = key;
            _hmac = IncrementalHash.CreateHMAC(algorithm == HmacSha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1,
                Encoding.UTF8.GetBytes(key));
        }

        public static IncrementalHash For(string algorithm, string key)
        {
            if (_current is { } current && current._algorithm == algorithm && string.Equals(current._key, key, StringComparison.Ordinal))
                return current._hmac;
            _current?._hmac.Dispose();
            _current = new KeyedHmac(algorithm, key);
            return _current._hmac;
        }
    }

    /// <summary>
    /// Whether a JSON (or other raw-body) request is genuine: the URL's <c>bodySHA256</c> must be the hash of
    /// <paramref name="body"/>, and the signature covers the URL only.
    /// </summary>
    public static bool IsValidBody(
        string url, ReadOnlySpan<byte> body, string? signature, string authToken, string? signatureSettings = null)
    {
        var expectedHash = TwilioUrl.SingleQueryValue(WithoutFragment(url), BodyHashParameter);
        if (expectedHash is null || !string.Equals(expectedHash, BodyHash(body), StringComparison.OrdinalIgnoreCase))
            return false;
        return IsValid(url, form: null, signature, authToken, signatureSettings);
    }

    /// <summary>
    /// The parameters' part of the string to sign, as UTF-8 in a pooled buffer that <see cref="Dispose"/> returns:
    /// built as a string, then encoded, it was a third of what a webhook allocated (docs/benchmarks.md). Names sorted
    /// ordinally; a repeated name contributes once per distinct value, values sorted ordinally (twilio-node and
    /// twilio-python; twilio-node #722, twilio-python #613). Values are used exactly as decoded.
    /// </summary>
    private readonly struct SignedParameters(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlySpan<byte> Bytes => buffer.AsSpan(0, length);

        public static SignedParameters Of(IEnumerable<KeyValuePair<string, StringValues>>? form)
        {
            var fields = form?.ToArray() ?? [];
            Array.Sort(fields, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var chars = 0;
            foreach (var field in fields)
                foreach (var value in field.Value)
                    chars += field.Key.Length + (value?.Length ?? 0);
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chars));
            var length = 0;
            for (var i = 0; i < fields.Length;)
            {
                var name = fields[i].Key;
                var end = i;
                while (end < fields.Length && string.Equals(fields[end].Key, name, StringComparison.Ordinal))
                    end++;
                if (end == i + 1 && fields[i].Value.Count == 1)
                    Write(name, fields[i].Value[0] ?? "");
                else
                {
                    var values = fields[i..end].SelectMany(field => field.Value).Select(value => value ?? "")
                        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
                    foreach (var value in values)
                        Write(name, value);
                }
                i = end;
            }
            return new SignedParameters(buffer, length);

            void Write(string name, string value)
            {
                length += Encoding.UTF8.GetBytes(name, buffer.AsSpan(length));
                length += Encoding.UTF8.GetBytes(value, buffer.AsSpan(length));
            }
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }

    // Twilio never sends the fragment (e.g. the #rc=3 connection overrides), so it cannot be part of the signature.
    private static string WithoutFragment(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? url : url[..hash];
    }
}
