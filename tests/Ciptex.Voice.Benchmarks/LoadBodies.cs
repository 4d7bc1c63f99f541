using System.Globalization;
using System.Text;
using Ciptex.Voice.Twilio;
using Microsoft.Extensions.Primitives;

namespace Ciptex.Voice.Benchmarks;

/// <summary>
/// <c>bodies KIND URL TOKEN COUNT FILE</c>: writes a file for wrk (infra/bench/post.lua) with COUNT form bodies,
/// each signed with TOKEN for the exact URL, so the load passes the service's real signature check. KIND is
/// <c>incoming</c> (a known caller dialling in) or <c>recorded</c> (the record action that opens a ticket), one
/// CallSid per body.
/// </summary>
internal static class LoadBodies
{
    public const string KnownCaller = "+447700900123"; // Alice Archer of Acme Retail in the demo data

    public static int Write(string[] args)
    {
        if (args is not [var kind, var url, var token, var countText, var file] || !int.TryParse(countText, CultureInfo.InvariantCulture, out var count))
        {
            Console.Error.WriteLine("usage: bodies incoming|recorded URL TOKEN COUNT FILE");
            return 2;
        }
        // One "body<TAB>signature" a line, read by infra/bench/post.lua: a Lua table literal stops at about 60,000.
        var lines = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var form = Form(kind, i);
            var signature = TwilioSignature.Compute(url, form.Select(f => new KeyValuePair<string, StringValues>(f.Key, f.Value)), token);
            var body = string.Join('&', form.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
            lines.Append(CultureInfo.InvariantCulture, $"{body}\t{signature}\n");
        }
        File.WriteAllText(file, lines.ToString());
        return 0;
    }

    private static List<KeyValuePair<string, string>> Form(string kind, int i)
    {
        var callSid = $"CA{i:D8}{Guid.NewGuid():N}"[..34];
        var form = IncomingCallForm.Fields.Where(f => f.Key != "CallSid").Prepend(new("CallSid", callSid)).ToList();
        if (kind == "recorded")
        {
            var recordingSid = "RE" + callSid[2..];
            form.Add(new("CallStatus", "in-progress"));
            form.RemoveAll(f => f is { Key: "CallStatus", Value: "ringing" });
            form.Add(new("RecordingSid", recordingSid));
            form.Add(new("RecordingUrl", $"https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/{recordingSid}"));
            form.Add(new("RecordingDuration", "17"));
            form.Add(new("Digits", "#"));
        }
        return form;
    }
}
