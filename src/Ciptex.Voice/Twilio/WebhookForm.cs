using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// A webhook's <c>application/x-www-form-urlencoded</c> body, read once by the signature check and then served to
/// the handler as the request's form. ASP.NET Core's form reader grew its dictionary field by field and was a sixth
/// of a greeting's CPU (docs/benchmarks.md); this one sizes it from the body. Decoded as Twilio encodes: UTF-8,
/// <c>+</c> for a space, <c>%XX</c> for a byte (a <c>%</c> not followed by two hex digits stays as it is); names
/// compared ignoring case, a repeated name keeping every value in order, as <see cref="FormCollection"/> does.
/// </summary>
public static class WebhookForm
{
    /// <summary>ASP.NET Core's own limit on a form's fields.</summary>
    public const int MostFields = 1024;

    private static readonly SearchValues<byte> Escapes = SearchValues.Create("%+"u8);

    /// <summary>The request's form, read from its body the first time (<see cref="InvalidDataException"/> if it cannot be).</summary>
    public static async ValueTask<IFormCollection> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var features = request.HttpContext.Features;
        if (features.Get<IFormFeature>() is { Form: { } read })
            return read;
        var body = request.BodyReader;
        while (true)
        {
            var result = await body.ReadAsync(ct);
            var buffer = result.Buffer;
            if (buffer.Length > TwilioBodyLimit.MaxBytes)
            {
                body.AdvanceTo(buffer.End);
                throw new InvalidDataException($"The form is larger than {TwilioBodyLimit.MaxBytes} bytes.");
            }
            if (!result.IsCompleted)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            try
            {
                var form = Parse(buffer);
                features.Set<IFormFeature>(new FormFeature(form));
                return form;
            }
            finally
            {
                body.AdvanceTo(buffer.End);
            }
        }
    }

    /// <summary>The fields of a urlencoded body.</summary>
    public static IFormCollection Parse(ReadOnlySequence<byte> body)
    {
        if (body.IsEmpty)
            return FormCollection.Empty;
        if (body.IsSingleSegment)
            return Parse(body.FirstSpan);
        var copy = ArrayPool<byte>.Shared.Rent((int)body.Length);
        try
        {
            body.CopyTo(copy);
            return Parse(copy.AsSpan(0, (int)body.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static FormCollection Parse(ReadOnlySpan<byte> body)
    {
        var fields = new Dictionary<string, StringValues>(Math.Min(body.Count((byte)'&') + 1, MostFields), StringComparer.OrdinalIgnoreCase);
        var count = 0;
        // Decoding never lengthens a name or a value.
        var scratch = ArrayPool<byte>.Shared.Rent(body.Length);
        try
        {
            foreach (var range in body.Split((byte)'&'))
            {
                var pair = body[range];
                if (pair.IsEmpty)
                    continue;
                if (++count > MostFields)
                    throw new InvalidDataException($"The form has more than {MostFields} fields.");
                var equals = pair.IndexOf((byte)'=');
                var name = Decode(equals < 0 ? pair : pair[..equals], scratch);
                var value = equals < 0 ? "" : Decode(pair[(equals + 1)..], scratch);
                ref var values = ref CollectionsMarshal.GetValueRefOrAddDefault(fields, name, out var repeated);
                values = repeated ? StringValues.Concat(values, value) : new StringValues(value);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        return new FormCollection(fields);
    }

    private static string Decode(ReadOnlySpan<byte> raw, byte[] scratch)
    {
        if (raw.IsEmpty)
            return "";
        if (!raw.ContainsAny(Escapes))
            return Encoding.UTF8.GetString(raw);
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var next = raw[i];
            if (next == (byte)'+')
                next = (byte)' ';
            else if (next == (byte)'%' && i + 2 < raw.Length
                && byte.TryParse(raw.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped))
            {
                next = escaped;
                i += 2;
            }
            scratch[length++] = next;
        }
        return Encoding.UTF8.GetString(scratch, 0, length);
    }
}
