#!/usr/bin/env bash
# Points the support number at the service through Twilio's REST API (IncomingPhoneNumbers update):
#   Voice URL           {base}/twilio/voice/incoming
#   Voice Fallback URL  where twiml/fallback.xml is hosted (a TwiML Bin): it still takes a message when we are down
#   Status callback     {base}/twilio/voice/status
#   Messaging URL       {base}/twilio/sms/incoming
# All POST. Configuration is the service's own, from the environment:
#   Twilio__AccountSid, Twilio__AuthToken, Twilio__SupportNumber (E.164), Twilio__PublicBaseUrl (https://voice.example.com),
#   Twilio__ApiBaseUrl (default https://api.twilio.com: scheme, host and port replaced, path kept, as in the service),
#   VOICE_FALLBACK_URL (the TwiML Bin's URL), and optionally TWILIO_NUMBER_SID (PN…) to skip looking the number up.
# Usage: infra/point-number.sh [--dry-run]    --dry-run prints every request it would make and makes none.
set -euo pipefail

dry_run=false
case "${1:-}" in
  --dry-run) dry_run=true ;;
  "") ;;
  *) echo "usage: $0 [--dry-run]" >&2; exit 64 ;;
esac

need() { [ -n "${!1:-}" ] || { echo "$1 is required" >&2; exit 64; }; }
need Twilio__AccountSid; need Twilio__AuthToken; need Twilio__PublicBaseUrl; need VOICE_FALLBACK_URL
account=$Twilio__AccountSid
number=${Twilio__SupportNumber:-+443458800808}
base=${Twilio__PublicBaseUrl%/}
api=${Twilio__ApiBaseUrl:-https://api.twilio.com}
api=$(printf '%s' "$api" | sed -E 's#^(https?://[^/]+).*#\1#')
resource="/2010-04-01/Accounts/$account/IncomingPhoneNumbers"

# The form fields, in the order they are sent; curl encodes each value.
fields=(
  "VoiceUrl=$base/twilio/voice/incoming" "VoiceMethod=POST"
  "VoiceFallbackUrl=$VOICE_FALLBACK_URL" "VoiceFallbackMethod=POST"
  "StatusCallback=$base/twilio/voice/status" "StatusCallbackMethod=POST"
  "SmsUrl=$base/twilio/sms/incoming" "SmsMethod=POST"
)

# The auth token goes to curl on stdin (a config line), never on the command line where ps would show it.
twilio() { printf 'user = "%s:%s"\n' "$account" "$Twilio__AuthToken" | curl --silent --show-error --fail-with-body --config - "$@"; }

sid=${TWILIO_NUMBER_SID:-}
if [ -z "$sid" ]; then
  if $dry_run; then
    echo "GET $api$resource.json?PhoneNumber=$number   (to find the number's sid)"
    sid='{sid of '"$number"'}'
  else
    listing=$(twilio --get --data-urlencode "PhoneNumber=$number" "$api$resource.json")
    sid=$(printf '%s' "$listing" | grep -o '"sid": *"PN[0-9a-fA-F]*"' | head -n 1 | sed -E 's/.*"(PN[0-9a-fA-F]*)"/\1/' || true)
    [ -n "$sid" ] || { echo "No incoming number $number on account $account" >&2; exit 1; }
  fi
fi

if $dry_run; then
  echo "POST $api$resource/$sid.json"
  printf '  %s\n' "${fields[@]}"
  echo "Dry run: no request was made."
  exit 0
fi

args=()
for field in "${fields[@]}"; do args+=(--data-urlencode "$field"); done
twilio "${args[@]}" "$api$resource/$sid.json" >/dev/null
echo "$number ($sid) now calls $base: voice, fallback, status callback and messaging URLs updated."
