#!/usr/bin/env bash
# The load benchmark of docs/benchmarks.md, in one go: installs wrk if missing, builds Release, starts a bare Kestrel
# endpoint and the service side by side on 127.0.0.1 (SQLite file, demo customers seeded, texts to a fake Twilio), and runs
# wrk at 64 connections against each with correctly signed forms. Then the fan-out step: a second service (its own
# SQLite file, DryRun off) polls a fake status page and sends to a fake Twilio, both served by the benchmarks exe;
# 10,000 phones subscribe through the admin API, the page shows an incident, and the step times the queueing of the
# 10,000 texts and reads the rate they reach the fake Twilio at. Beside each wrk figure it prints the CPU the measured
# server spent per request (its user + system time over the measurement), which other work on the machine moves
# less. Everything goes to 127.0.0.1 only; every step is bounded in time, and every server is stopped on exit.
#   infra/bench/load.sh                    # 20 s per measurement
#   DURATION=60s infra/bench/load.sh       # (up to 95 s: the rate window must end before 10,000 texts are sent)
#   FANOUT_RATE=200 infra/bench/load.sh    # Twilio:MaxMessagesPerSecond for the fan-out step (default 100)
#   SERVICE_URL=http://127.0.0.1:5090 infra/bench/load.sh   # likewise BARE_URL, FAKES_URL, FANOUT_URL: other ports
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-20s}
# Tiered compilation is still compiling under load after 10 s (perf: 12% of the CPU in the JIT during a measurement
# that followed a 10 s warm-up), so each measurement follows 30 s of the same load: the steady state of a service
# that has been up for more than a minute.
WARMUP=${WARMUP:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
BARE=${BARE_URL:-http://127.0.0.1:5081}
SERVICE=${SERVICE_URL:-http://127.0.0.1:5080}
FAKES=${FAKES_URL:-http://127.0.0.1:5082}     # fake status page + fake Twilio REST, for the fan-out step
FANOUT=${FANOUT_URL:-http://127.0.0.1:5083}   # the second service instance, for the fan-out step
TWILIO_FAKE=${TWILIO_FAKE_URL:-http://127.0.0.1:5084}  # fake Twilio REST for the first service's ticket texts
FANOUT_TEXTS=${FANOUT_TEXTS:-10000}
FANOUT_RATE=${FANOUT_RATE:-100}
TOKEN=bench-auth-token-0123456789abcdef
ACCOUNT_SID=AC00000000000000000000000000000000
ADMIN_KEY=bench-admin-key-0123456789
WORK=$(mktemp -d /tmp/ciptex-bench.XXXXXX)
RESULTS=${RESULTS:-$WORK/results.md}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

echo "== build (Release)"
dotnet build tests/Ciptex.Voice.Benchmarks -c Release -nologo -v quiet >/dev/null
BENCH="dotnet tests/Ciptex.Voice.Benchmarks/bin/Release/net10.0/Ciptex.Voice.Benchmarks.dll"

# The allocator settings the container image runs with (infra/Dockerfile): the service is measured as deployed.
read -r -a DEPLOYED_ENV <<<"$(sed -n 's/^ENV \(MALLOC_.*\)/\1/p' infra/Dockerfile)"
[ "${#DEPLOYED_ENV[@]}" -gt 0 ] || { echo "no MALLOC_ settings found in infra/Dockerfile"; exit 1; }

pids=()
# Newest first: a service stops before the fakes it sends to, so no send fails on the way out.
cleanup() { for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# Measure our own servers only: a port already answering belongs to something else.
for url in "$BARE" "$SERVICE" "$FAKES" "$FANOUT" "$TWILIO_FAKE"; do
  if curl -s -o /dev/null --max-time 1 "$url/"; then echo "$url is already in use; stop what listens there first"; exit 1; fi
done

echo "== start bare Kestrel ($BARE) and the service ($SERVICE); work files in $WORK"
$BENCH bare-kestrel --urls "$BARE" >"$WORK/bare.log" 2>&1 &
bare_pid=$!
pids+=($bare_pid)
# The tickets' confirmation texts really go out, through the rate limit (Twilio:MaxMessagesPerSecond, 10 by
# default) to a fake Twilio, as in production: with DryRun the dispatcher would drain them as fast as it could,
# taking the CPU a deployment gives to callers.
$BENCH fake-upstreams --urls "$TWILIO_FAKE" >"$WORK/twilio-fake.log" 2>&1 &
twilio_fake_pid=$!
pids+=($twilio_fake_pid)
# Started from the build output, where appsettings.json is, as in a deployment: started from elsewhere the service
# would run on defaults and log every request and SQL command at Information.
(cd src/Ciptex.Voice/bin/Release/net10.0 && exec env "${DEPLOYED_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Voice="Data Source=$WORK/voice.db" \
  Twilio__AccountSid=$ACCOUNT_SID Twilio__AuthToken=$TOKEN Twilio__DryRun=false Twilio__ApiBaseUrl=$TWILIO_FAKE \
  Twilio__PublicBaseUrl=$SERVICE Admin__ApiKey=$ADMIN_KEY Demo__Seed=true \
  OutageRecordings__Interval=1.00:00:00 \
  dotnet Ciptex.Voice.dll --urls "$SERVICE") >"$WORK/service.log" 2>&1 &
service_pid=$!
pids+=($service_pid)
for _ in $(seq 1 120); do
  curl -fs "$SERVICE/health/ready" >/dev/null 2>&1 && curl -fs -X POST -d "CallSid=CA0" "$BARE/twilio/voice/incoming" >/dev/null 2>&1 \
    && curl -fs "$TWILIO_FAKE/stats" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$SERVICE/health/ready" >/dev/null || { echo "service not ready"; tail -20 "$WORK/service.log"; exit 1; }

echo "== sign bodies"
# Every request a new call (its own CallSid) from the known caller, as in a burst of callers: enough for the whole
# measurement, and others for the warm-up, so no measured request is a retry of one already answered.
$BENCH bodies incoming "$SERVICE/twilio/voice/incoming" "$TOKEN" 250000 "$WORK/incoming.tsv"
$BENCH bodies incoming "$SERVICE/twilio/voice/incoming" "$TOKEN" 60000 "$WORK/incoming-warmup.tsv"
$BENCH bodies recorded "$SERVICE/twilio/voice/recorded?attempt=1" "$TOKEN" 60000 "$WORK/recorded.tsv"
$BENCH bodies recorded "$SERVICE/twilio/voice/recorded?attempt=1" "$TOKEN" 60000 "$WORK/recorded-warmup.tsv"

# Peak resident memory of the service while a command runs (VmRSS in kB, sampled every 200 ms).
sample_rss() { while kill -0 "$1" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$service_pid/status"; sleep 0.2; done | sort -n | tail -1; }

# CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# Prints wrk's RESULT line, named, with cpu_us: the CPU the measured server spent per request (steadier than requests
# per second on a machine shared with other work, docs/benchmarks.md).
run() { # name bodies url duration server_pid
  local out="$WORK/$1.txt" cpu_before
  cpu_before=$(cpu_ticks "$5")
  BODIES="$2" WRK_THREADS=$THREADS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$4" --latency -s infra/bench/post.lua "$3" >"$out" 2>&1 &
  local wrk_pid=$!
  sample_rss $wrk_pid >"$WORK/$1.rss"
  wait $wrk_pid
  local cpu_ticks_used=$(( $(cpu_ticks "$5") - cpu_before ))
  local requests cpu_us=0
  requests=$(sed -n 's/^RESULT requests=\([0-9]*\).*/\1/p' "$out")
  [ "${requests:-0}" -gt 0 ] && cpu_us=$(( cpu_ticks_used * TICK_US / requests ))
  grep '^RESULT' "$out" | sed "s/^RESULT/$1/; s/\$/ cpu_us=$cpu_us/"
}
count_tickets() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from Ticket').fetchone()[0])" "$WORK/voice.db"; }

echo "== warm up ($WARMUP each, not counted; the record action opens tickets of its own CallSids)"
run warmup-bare "$WORK/incoming-warmup.tsv" "$BARE/twilio/voice/incoming" "$WARMUP" "$bare_pid" >/dev/null
run warmup-incoming "$WORK/incoming-warmup.tsv" "$SERVICE/twilio/voice/incoming" "$WARMUP" "$service_pid" >/dev/null
run warmup-recorded "$WORK/recorded-warmup.tsv" "$SERVICE/twilio/voice/recorded?attempt=1" "$WARMUP" "$service_pid" >/dev/null

echo "== measure ($DURATION each, $CONNECTIONS connections, $THREADS wrk threads)"
bare=$(run bare "$WORK/incoming-warmup.tsv" "$BARE/twilio/voice/incoming" "$DURATION" "$bare_pid")
incoming=$(run incoming "$WORK/incoming.tsv" "$SERVICE/twilio/voice/incoming" "$DURATION" "$service_pid")
before=$(count_tickets)
recorded=$(run recorded "$WORK/recorded.tsv" "$SERVICE/twilio/voice/recorded?attempt=1" "$DURATION" "$service_pid")
after=$(count_tickets)
echo "$bare"; echo "$incoming"; echo "$recorded"
rss_peak=$(cat "$WORK/incoming.rss" "$WORK/recorded.rss" | sort -n | tail -1)
secs=${DURATION%s}

# The fan-out step gets the machine to itself: the first service and bare Kestrel are stopped.
echo "== fan-out: $FANOUT_TEXTS subscribers, Twilio:MaxMessagesPerSecond=$FANOUT_RATE, fake upstreams $FAKES, service $FANOUT"
kill "$service_pid" "$bare_pid" 2>/dev/null || true
wait "$service_pid" "$bare_pid" 2>/dev/null || true
kill "$twilio_fake_pid" 2>/dev/null || true
wait "$twilio_fake_pid" 2>/dev/null || true
$BENCH fake-upstreams --urls "$FAKES" >"$WORK/fakes.log" 2>&1 &
pids+=($!)
# DryRun off, so texts go through the rate limit and the Twilio REST client (redirected by Twilio:ApiBaseUrl) to the
# fake; one page, "twilio", polled every second at the fake; nothing seeded, so the only texts are the fan-out's.
(cd src/Ciptex.Voice/bin/Release/net10.0 && exec env "${DEPLOYED_ENV[@]}" ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__Voice="Data Source=$WORK/fanout.db" \
  Twilio__AccountSid=$ACCOUNT_SID Twilio__AuthToken=$TOKEN Twilio__DryRun=false Twilio__ApiBaseUrl=$FAKES \
  Twilio__MaxMessagesPerSecond=$FANOUT_RATE Twilio__PublicBaseUrl=$FANOUT Admin__ApiKey=$ADMIN_KEY Demo__Seed=false \
  StatusPages__PollInterval=00:00:01 StatusPages__Pages__0__Key=twilio StatusPages__Pages__0__Name=Twilio \
  StatusPages__Pages__0__BaseUrl=$FAKES OutageRecordings__Interval=1.00:00:00 \
  dotnet Ciptex.Voice.dll --urls "$FANOUT") >"$WORK/fanout-service.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "$FANOUT/health/ready" >/dev/null 2>&1 && curl -fs "$FAKES/stats" >/dev/null 2>&1 && break
  sleep 0.5
done
fanout="" fanout_error=""
if ! curl -fs "$FANOUT/health/ready" >/dev/null; then
  fanout_error="the second service was not ready within 60 s (see $WORK/fanout-service.log)"
elif ! timeout 360 $BENCH subscribers "$FANOUT" "$ADMIN_KEY" twilio "$FANOUT_TEXTS" >"$WORK/subscribers.txt" 2>&1; then
  fanout_error="subscribing $FANOUT_TEXTS phones failed (see $WORK/subscribers.txt)"
elif ! timeout $((secs + 300)) $BENCH fan-out "$WORK/fanout.db" "$FAKES" twilio "$FANOUT_TEXTS" "$FANOUT_RATE" "$secs" >"$WORK/fanout.txt" 2>&1; then
  fanout_error="the fan-out step failed (see $WORK/fanout.txt)"
else
  fanout=$(grep '^RESULT' "$WORK/fanout.txt" | sed 's/^RESULT/fanout/')
fi
cat "$WORK/subscribers.txt" 2>/dev/null || true
echo "${fanout:-fanout failed: $fanout_error}"

field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"; }
tickets_per_s=$(( (after - before) / secs ))
# The share to one decimal, cut rather than rounded: 49.96% must not print as a target met.
ratio=$(awk -v a="$(field "$incoming" rps)" -v b="$(field "$bare" rps)" 'BEGIN { printf "%.1f", int(1000 * a / b) / 10 }')
{
  echo "| measurement | result | target |"
  echo "|---|---|---|"
  echo "| bare Kestrel, fixed TwiML | $(field "$bare" rps) req/s, p99 $(field "$bare" p99_ms) ms, $(field "$bare" cpu_us) µs of CPU a request | (ceiling) |"
  echo "| /twilio/voice/incoming, signed, known caller, a new call each | $(field "$incoming" rps) req/s, p99 $(field "$incoming" p99_ms) ms, errors $(field "$incoming" errors), $(field "$incoming" cpu_us) µs of CPU a request | ≥ 50% of bare, p99 ≤ 20 ms |"
  echo "| incoming as a share of bare | ${ratio}% | ≥ 50% |"
  echo "| /twilio/voice/recorded (new ticket each) | $tickets_per_s tickets/s ($((after - before)) in $DURATION), p99 $(field "$recorded" p99_ms) ms, errors $(field "$recorded" errors), $(field "$recorded" cpu_us) µs of CPU a ticket | ≥ 1,000/s |"
  echo "| service peak RSS under load | $((${rss_peak:-0} / 1024)) MB | ≤ 200 MB |"
  texts=$(sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$FANOUT_TEXTS")
  if [ -n "$fanout" ]; then
    echo "| fan-out of $texts texts queued | $(field "$fanout" queued_s) s from the poll that saw the incident to $texts outbox rows (that poll: $(field "$fanout" seen_after_publish_s) s after the incident appeared, polling every 1 s) | ≤ 2 s |"
    echo "| dispatched at the configured rate | $(field "$fanout" rate) texts/s over $(field "$fanout" window_s) s against Twilio:MaxMessagesPerSecond=$FANOUT_RATE: $(field "$fanout" deviation_pct)% (each second $(field "$fanout" min_per_s)–$(field "$fanout" max_per_s)) | within 5% |"
  else
    echo "| fan-out of $texts texts queued | not measured: $fanout_error | ≤ 2 s |"
    echo "| dispatched at the configured rate | not measured | within 5% |"
  fi
} | tee "$RESULTS"
echo "results: $RESULTS"
