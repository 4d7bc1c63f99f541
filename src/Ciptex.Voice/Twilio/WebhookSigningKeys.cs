using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Ciptex.Voice.Twilio;

/// <summary>
/// The keys webhook signatures are checked with, and the one the phone simulator signs with. Normally that is
/// <c>Twilio:AuthToken</c> (and <c>SecondaryAuthToken</c> during a rotation). In Development with no Auth Token — the
/// README's run mode, where no Twilio account exists — a random key made for this process alone stands in, so the
/// simulator can sign its requests and the filter still refuses everything else. Outside Development nothing stands
/// in: the service does not even start without an Auth Token there.
/// </summary>
public sealed class WebhookSigningKeys(IOptionsMonitor<TwilioOptions> options, IHostEnvironment environment)
{
    private readonly string _processKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether webhooks are checked against the per-process key because no Auth Token is configured.</summary>
    public bool UsesProcessKey => options.CurrentValue.AuthToken.Length == 0 && environment.IsDevelopment();

    // Asked on every webhook: worked out again only when the options change (a reload of configuration). Replaced
    // whole, so a reader on another thread sees one pair or the other.
    private AcceptedKeys? _accepted;

    private sealed record AcceptedKeys(TwilioOptions For, string[] Keys);

    /// <summary>Every key a valid signature may be made with; none means every webhook is refused.</summary>
    public IReadOnlyList<string> Accepted
    {
        get
        {
            var current = options.CurrentValue;
            if (_accepted is { } known && ReferenceEquals(known.For, current))
                return known.Keys;
            string[] keys = UsesProcessKey
                ? [_processKey]
                : new[] { current.AuthToken, current.SecondaryAuthToken }.Where(key => key.Length > 0).ToArray();
            _accepted = new AcceptedKeys(current, keys);
            return keys;
        }
    }

    /// <summary>The key the simulator signs with, the same one the filter checks first; null when there is none.</summary>
    public string? ForSigning => Accepted.Count > 0 ? Accepted[0] : null;
}
