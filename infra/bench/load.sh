#!/usr/bin/env bash
# The load benchmark of docs/benchmarks.md, in one go: installs wrk if missing, builds Release, starts a bare Kestrel
# endpoint and the service side by side on 127.0.0.1 (SQLite file, Twilio:DryRun, demo customers seeded), and runs
# wrk at 64 connections against each with correctly signed forms. Load goes to 127.0.0.1 only; every step is
# bounded in time, and both servers are stopped on exit.
#   infra/bench/load.sh                    # 20 s per measurement
#   DURATION=60s infra/bench/load.sh
#   SERVICE_URL=http://127.0.0.1:5090 BARE_URL=http://127.0.0.1:5091 infra/bench/load.sh   # other ports
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BARE=${BARE_URL:-http://127.0.0.1:5081}
SERVICE=${SERVICE_URL:-http://127.0.0.1:5080}
TOKEN=bench-auth-token-0123456789abcdef
WORK=$(mktemp -d /tmp/ciptex-bench.XXXXXX)
RESULTS=${RESULTS:-$WORK/results.md}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

echo "== build (Release)"
dotnet build tests/Ciptex.Voice.Benchmarks -c Release -nologo -v quiet >/dev/null
BENCH="dotnet tests/Ciptex.Voice.Benchmarks/bin/Release/net10.0/Ciptex.Voice.Benchmarks.dll"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# Measure our own servers only: a port already answering belongs to something else.
for url in "$BARE" "$SERVICE"; do
  if curl -s -o /dev/null --max-time 1 "$url/"; then echo "$url is already in use; stop what listens there first"; exit 1; fi
done

echo "== start bare Kestrel ($BARE) and the service ($SERVICE); work files in $WORK"
$BENCH bare-kestrel --urls "$BARE" >"$WORK/bare.log" 2>&1 &
pids+=($!)
# Started from the build output, where appsettings.json is, as in a deployment: started from elsewhere the service
# would run on defaults and log every request and SQL command at Information.
(cd src/Ciptex.Voice/bin/Release/net10.0 && exec env ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Voice="Data Source=$WORK/voice.db" \
  Twilio__AccountSid=AC00000000000000000000000000000000 Twilio__AuthToken=$TOKEN Twilio__DryRun=true \
  Twilio__PublicBaseUrl=$SERVICE Admin__ApiKey=bench-admin-key-0123456789 Demo__Seed=true \
  OutageRecordings__Interval=1.00:00:00 \
  dotnet Ciptex.Voice.dll --urls "$SERVICE") >"$WORK/service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
for _ in $(seq 1 120); do
  curl -fs "$SERVICE/health/ready" >/dev/null 2>&1 && curl -fs -X POST "$BARE/twilio/voice/incoming" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$SERVICE/health/ready" >/dev/null || { echo "service not ready"; tail -20 "$WORK/service.log"; exit 1; }

echo "== sign bodies"
$BENCH bodies incoming "$SERVICE/twilio/voice/incoming" "$TOKEN" 1 "$WORK/incoming.lua"
$BENCH bodies recorded "$SERVICE/twilio/voice/recorded?attempt=1" "$TOKEN" 60000 "$WORK/recorded.lua"

# Peak resident memory of the service while a command runs (VmRSS in kB, sampled every 200 ms).
sample_rss() { while kill -0 "$1" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$service_pid/status"; sleep 0.2; done | sort -n | tail -1; }

run() { # name url bodies duration
  local out="$WORK/$1.txt"
  BODIES="$2" WRK_THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency -s infra/bench/post.lua "$3" >"$out" 2>&1 &
  local wrk_pid=$!
  sample_rss $wrk_pid >"$WORK/$1.rss"
  wait $wrk_pid
  grep '^RESULT' "$out" | sed "s/^RESULT/$1/"
}
count_tickets() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from Ticket').fetchone()[0])" "$WORK/voice.db"; }

echo "== warm up (10 s each, not counted)"
run warmup-bare "$WORK/incoming.lua" "$BARE/twilio/voice/incoming" 10s >/dev/null
run warmup-incoming "$WORK/incoming.lua" "$SERVICE/twilio/voice/incoming" 10s >/dev/null

echo "== measure ($DURATION each, $CONNECTIONS connections, $THREADS wrk threads)"
bare=$(run bare "$WORK/incoming.lua" "$BARE/twilio/voice/incoming" "$DURATION")
incoming=$(run incoming "$WORK/incoming.lua" "$SERVICE/twilio/voice/incoming" "$DURATION")
before=$(count_tickets)
recorded=$(run recorded "$WORK/recorded.lua" "$SERVICE/twilio/voice/recorded?attempt=1" "$DURATION")
after=$(count_tickets)
echo "$bare"; echo "$incoming"; echo "$recorded"

rss_peak=$(cat "$WORK/incoming.rss" "$WORK/recorded.rss" | sort -n | tail -1)
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
secs=${DURATION%s}
tickets_per_s=$(( (after - before) / secs ))
ratio=$(awk -v a="$(field "$incoming" rps)" -v b="$(field "$bare" rps)" 'BEGIN { printf "%.0f", 100 * a / b }')
{
  echo "| measurement | result | target |"
  echo "|---|---|---|"
  echo "| bare Kestrel, fixed TwiML | $(field "$bare" rps) req/s, p99 $(field "$bare" p99_ms) ms | (ceiling) |"
  echo "| /twilio/voice/incoming, signed, known caller | $(field "$incoming" rps) req/s, p99 $(field "$incoming" p99_ms) ms, errors $(field "$incoming" errors) | ≥ 50% of bare, p99 ≤ 20 ms |"
  echo "| incoming as a share of bare | ${ratio}% | ≥ 50% |"
  echo "| /twilio/voice/recorded (new ticket each) | $tickets_per_s tickets/s ($((after - before)) in $DURATION), p99 $(field "$recorded" p99_ms) ms, errors $(field "$recorded" errors) | ≥ 1,000/s |"
  echo "| service peak RSS under load | $((${rss_peak:-0} / 1024)) MB | ≤ 200 MB |"
} | tee "$RESULTS"
echo "results: $RESULTS"
