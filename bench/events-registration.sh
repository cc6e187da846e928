#!/usr/bin/env bash
# Benchmark of events-service registrations: seats under concurrent registration, the public listing,
# and the database's own ceiling for the same transaction.
#
#   bench/events-registration.sh [--keep-data] [--skip-build] [--wait] [--profile]
#
# What it does, from the repository root of this worktree (any current directory works):
#   1. builds events-service and the local stack launcher when their jars are missing or older than the
#      sources (--skip-build: never);
#   2. starts the local stack with events-service only (deploy/local/run --fresh --only events-service:
#      embedded PostgreSQL 17 on :55432, Kafka on :9092, SMTP on :2525, the service on :8082; those ports
#      must be free, --wait waits up to 30 minutes for them), with production-like JVM flags
#      (BENCH_JVM_OPTS, default "-Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError": C2 on,
#      unlike the local stack's C1-only default), and waits for "Techtank local stack is ready";
#      --keep-data starts it without --fresh;
#   3. publishes BENCH_MEETINGS (default 80) meetings for the listing (municipalities 1060, 1080, 1081,
#      1082, 1083, every kind, 1-3 focus areas each), then warms the service up with BENCH_WARMUP (20000)
#      registrations, half for a meeting of 1,000 seats (the seat and the waitlist path), half for one that
#      never fills (the seat path as often as the rounds take it), with the listing at 10 clients at the
#      same time (4 x BENCH_LIST_WARMUP requests a pass: the mix a running service serves), in passes until one costs the JIT
#      compilers under BENCH_WARMUP_JIT_MS (0.02) ms of CPU per registration, at most BENCH_WARMUP_PASSES (4);
#   4. BENCH_ROUNDS (3) rounds of: BENCH_ATTEMPTS (2000) anonymous registrations, each with an e-mail
#      address of its own, from BENCH_CLIENTS (50) concurrent clients against a meeting of BENCH_CAPACITY
#      (150) seats, then the same against a meeting large enough never to fill (bench/RegistrationLoad.java,
#      which first sends BENCH_DRIVER_WARMUP (1000) unmeasured registrations for a meeting of their own over
#      the same connections, so that neither its own JIT compilers nor new connections are measured);
#      each prints p50, p99 and throughput and the CPU time per registration of the service (and of that,
#      its JIT compiler threads), PostgreSQL (all its processes) and Kafka, counted from when the load
#      driver starts sending until the outbox relay has published every event. After each
#      full meeting it checks, in the database (psql) and through GET /api/v1/meetings/{id}, that exactly
#      150 were confirmed and 1850 waitlisted with positions 1..1850, each once: PASS or FAIL. Then 500
#      registrations from one client (latency without queueing);
#   5. the public listing, GET /api/v1/meetings anonymously, at BENCH_CLIENTS clients (BENCH_LIST_REQUESTS,
#      default 40000, after warm-up passes of BENCH_LIST_WARMUP, 10000, until one costs the JIT compilers
#      under 0.005 ms per request, at most BENCH_WARMUP_PASSES, and BENCH_LIST_WARMUP more in the measuring
#      driver, over its connections): no filter and later pages, municipality, kind, focus area,
#      municipality + kind, 50 per page;
#   6. the database's ceiling: pgbench -M prepared -c 8 -j 2 -T 20 (BENCH_PGBENCH_CLIENTS,
#      BENCH_PGBENCH_SECONDS) running bench/registration-transaction.sql (the seat update, the registration
#      insert and the outbox insert of one registration, in one transaction) against the events database,
#      for a meeting of its own, while the service's JVM is paused (SIGSTOP) so that neither it nor its
#      outbox relay competes for the CPU; pgbench's rows are deleted again before the service continues
#      (its relay would otherwise publish them). Prints the service's registrations/s (median of the
#      never-full rounds) as a ratio of pgbench's transactions/s;
#   7. prints a summary against the targets (throughput at least 0.5 x the ceiling and p99 at most 100 ms
#      at 50 clients; listing p99 at most 30 ms) and stops the stack (also on Ctrl-C or failure).
# For each measured phase it also prints the service's garbage-collection pauses (from its GC log,
# service-gc.log) and the autovacuum runs PostgreSQL logged meanwhile (the script turns that logging on),
# and the load driver prints when the answers slower than the target (100 ms; listing 30 ms) were sent, in
# 0.1 s windows from a start given in Unix milliseconds: a moment when everything slows shows as a cluster.
# Every answer of a measured phase is in NAME-answers.txt ("sent at, in µs from the start; latency in µs;
# outcome").
# --profile profiles the service during the registration rounds and during the listing and prints the
# methods most often on top of the stack: with async-profiler when BENCH_ASYNC_PROFILER names its
# libasyncProfiler.so (registrations.collapsed, listing.collapsed), else with Java Flight Recorder.
# Everything listens on 127.0.0.1 only. Logs and results go to .local/bench/events/ (git-ignored).
# Needs Java 17+ (a JDK), curl, bc, psql and pgbench (Debian: postgresql-client); jq is used when present.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo/.local/bench/events"
base="http://127.0.0.1:8082"
clients="${BENCH_CLIENTS:-50}"
attempts="${BENCH_ATTEMPTS:-2000}"
capacity="${BENCH_CAPACITY:-150}"
rounds="${BENCH_ROUNDS:-3}"
warmup="${BENCH_WARMUP:-20000}"
listing_meetings="${BENCH_MEETINGS:-80}"
list_requests="${BENCH_LIST_REQUESTS:-40000}"
list_warmup="${BENCH_LIST_WARMUP:-10000}"
pgbench_clients="${BENCH_PGBENCH_CLIENTS:-8}"
pgbench_seconds="${BENCH_PGBENCH_SECONDS:-20}"
jvm_opts="${BENCH_JVM_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
never_full=100000 # the API's largest capacity
fresh=(--fresh)
build=auto
wait=no
profile=no
for arg in "$@"; do
  case "$arg" in
    --keep-data) fresh=() ;;
    --skip-build) build=never ;;
    --wait) wait=yes ;;
    --profile) profile=yes ;;
    -h | --help) sed -n '2,/^set -e/{/^#/p}' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

source "$repo/bench/lib.sh"
need_tools curl bc psql pgbench javac

mkdir -p "$work"
cd "$repo"
export PGPASSWORD=techtank
sql() { sql_in events "$1"; }

# 1. Build what is missing or stale; compile the load driver once (instead of at every launch).
[[ "$build" == never ]] || build_if_stale events-service
classes="$work/classes"
rm -rf "$classes"
javac -d "$classes" bench/BenchHttp.java bench/BenchLoad.java bench/RegistrationLoad.java
# The load driver runs with C1 only: it shares the two cores with the service (why: bench/BenchLoad.java).
load() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classes" RegistrationLoad "$@"; }
# What it prints when it starts measuring, after its own warm-up (for driver, in bench/lib.sh).
measuring_line='^(Registrations|Listing): '

# 2. Start the local stack with events-service only.
wait_for_ports '8082|9092|9093|55432|2525' "$wait"
# The service's garbage collections also go to a log of their own, with times (service-gc.log).
gc_log="$work/service-gc.log"
rm -f "$gc_log"
start_stack events-service "$jvm_opts -Xlog:gc:file=$gc_log:utctime" "${fresh[@]}"
token_file="$repo/.local/tokens/staff.jwt"
postmaster_pid="$(head -n1 "$repo/.local/postgres/postmaster.pid")"
kafka_pid="$(pgrep -f "kafka\.Kafka .*$repo/" | head -n1 || true)"
log "Stack ready (service pid $service_pid, PostgreSQL $postmaster_pid, Kafka ${kafka_pid:-?})"
# Autovacuum into PostgreSQL's log (.local/logs/postgres.log), so that autovacuum_during can name what ran in
# a phase (the local stack's superuser; the setting stays in its data directory until the next --fresh).
psql -X -q -At -h 127.0.0.1 -p 55432 -U postgres -d postgres \
  -c "alter system set log_autovacuum_min_duration = 0" -c "select pg_reload_conf()" >/dev/null \
  || log "Could not turn on autovacuum logging (PostgreSQL's superuser postgres)"
log "PostgreSQL $(sql 'show server_version'): fsync $(sql 'show fsync'), synchronous_commit $(sql 'show synchronous_commit'), shared_buffers $(sql 'show shared_buffers'); commit $(git rev-parse --short HEAD)$([[ -z "$(git status --porcelain)" ]] || echo ' (with uncommitted changes)')"
machine

# Measuring a phase (CPU time from /proc, GC pauses, autovacuum runs), driver, await_outbox, field and met
# are in bench/lib.sh; cpu_per_request there reads $hz, the clock ticks per second.
hz=$(getconf CLK_TCK)
# list_misses: how many meeting lists the service has rendered (snapshot_cache_total misses of meeting-lists)
list_misses() {
  curl -sS --max-time 30 "http://127.0.0.1:8182/q/metrics" | awk '/^snapshot_cache_total\{/ && /cache="meeting-lists"/ && /result="miss"/ { n += $NF } END { printf "%d", n }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
api_counts() { # "confirmedCount waitlistLength seatsLeft" of a meeting, as GET /api/v1/meetings/{id} answers
  local json
  json="$(curl -sS --max-time 30 "$base/api/v1/meetings/$1")"
  if command -v jq >/dev/null; then
    jq -r '"\(.confirmedCount) \(.waitlistLength) \(.seatsLeft)"' <<<"$json"
  else
    echo "$(grep -o '"confirmedCount":[0-9]*' <<<"$json" | cut -d: -f2) $(grep -o '"waitlistLength":[0-9]*' <<<"$json" | cut -d: -f2) $(grep -o '"seatsLeft":[0-9]*' <<<"$json" | cut -d: -f2)"
  fi
}

# registration_run NAME MEETING_CAPACITY CLIENTS ATTEMPTS: one measured run against a new meeting; sets
# run_result (the RESULT line), run_cpu, run_check (PASS/FAIL) and run_meeting.
registration_run() {
  local name="$1" seats="$2" n_clients="$3" n_attempts="$4" before after db api expected_confirmed expected_waitlisted
  run_meeting="$(load meeting "$base" "$token_file" "$seats" "Benchmark: $name")"
  log "Registrations ($name): $n_attempts attempts at $n_clients clients, meeting $run_meeting of $seats seats"
  driver "$work/$name.txt" register "$base" "$run_meeting" "$n_clients" "$n_attempts" "$seats" "$name" \
    "$driver_warm_meeting" "$((n_clients * driver_warmup / clients))" \
    || log "The load driver reported failed requests or wrong answers (see $work/$name.txt)"
  local ended_utc
  ended_utc="$(now_utc)"
  log "GC during $name: $(gc_during "$measure_started_utc" "$ended_utc"); autovacuum: $(autovacuum_during "$measure_started_utc" "$ended_utc")"
  run_result="$(grep '^RESULT' "$work/$name.txt" || echo RESULT)"
  await_outbox || true # the relay's work for these registrations counts too
  after="$(cpu_snapshot)"
  run_cpu="$(cpu_per_request "$cpu_before" "$after" "$n_attempts")"
  log "CPU per registration ($name): $run_cpu"
  expected_confirmed=$((seats < n_attempts ? seats : n_attempts))
  expected_waitlisted=$((n_attempts - expected_confirmed))
  # In the database: confirmed and waitlisted rows, waitlist positions 1..n each once, the meeting's counters.
  db="$(sql "select count(*) filter (where status = 'CONFIRMED'), count(*) filter (where status = 'WAITLISTED'),
               count(distinct waitlist_position), coalesce(min(waitlist_position), 0), coalesce(max(waitlist_position), 0),
               (select confirmed_count || '/' || waitlist_length from meeting where id = '$run_meeting')
             from registration where meeting_id = '$run_meeting'" | tr '|' ' ')"
  api="$(api_counts "$run_meeting")"
  local want_db="$expected_confirmed $expected_waitlisted $expected_waitlisted $((expected_waitlisted > 0 ? 1 : 0)) $expected_waitlisted $expected_confirmed/$expected_waitlisted"
  local want_api="$expected_confirmed $expected_waitlisted $((seats - expected_confirmed))"
  if [[ "$db" == "$want_db" && "$api" == "$want_api" && "$(field answers "$run_result")" == PASS ]]; then
    run_check=PASS
  else
    run_check=FAIL
  fi
  log "Check ($name): database confirmed/waitlisted/distinct positions/min/max/meeting counters = $db (want $want_db);" \
    "API confirmedCount/waitlistLength/seatsLeft = $api (want $want_api); answers $(field answers "$run_result"): $run_check"
}

# 3. The listing's meetings and the warm-up.
log "Publishing $listing_meetings meetings for the listing"
load meetings "$base" "$token_file" "$listing_meetings" "$work/list-urls.txt"
# Both paths as often as the rounds take them: a meeting of 1,000 seats confirms only its first 1,000,
# and with that alone the JIT compilers met the confirming path afresh in the first never-full round
# (0.3-0.5 ms of their CPU per registration there, docs/benchmarks.md). Passes repeat until one keeps the JIT
# compilers under BENCH_WARMUP_JIT_MS (0.02) ms of CPU per registration, at most BENCH_WARMUP_PASSES (4):
# compilations are triggered by calls, so the compilers idle as soon as the load stops whether they have
# finished or not, and a warm-up that ended with idle compilers could still leave more than a second of C2
# compilation to the first round.
warm_passes="${BENCH_WARMUP_PASSES:-4}"
warm_jit_ms="${BENCH_WARMUP_JIT_MS:-0.02}"
jit_before=$(jit_ticks)
for ((pass = 1; pass <= warm_passes; pass++)); do
  log "Warm-up pass $pass: $warmup registrations at $clients clients, half for a meeting of 1000 seats, half for one that never fills"
  jit_then=$(jit_ticks)
  # The listing at the same time, at 10 clients: warmed with one kind of request only, the compiled code of
  # the paths both share (HTTP, JDBC, JSON) was specialised to it, and the first requests of the other kind
  # (the checks between rounds, the listing) had it thrown away and compiled again, in the middle of the
  # measurement (seen with JFR). A service in production serves both at once.
  load list "$base" "$work/list-urls.txt" 10 "$((4 * list_warmup))" 0 >"$work/warmup-list.txt" 2>&1 &
  list_pid=$!
  warm_meeting="$(load meeting "$base" "$token_file" 1000 "Benchmark: warm-up, fills")"
  load register "$base" "$warm_meeting" "$clients" "$((warmup / 2))" 1000 warmup-full >"$work/warmup.txt" || true
  grep -E '^(ALL|Throughput|Status)' "$work/warmup.txt" || true
  api_counts "$warm_meeting" >/dev/null
  warm_meeting="$(load meeting "$base" "$token_file" "$never_full" "Benchmark: warm-up, never full")"
  load register "$base" "$warm_meeting" "$clients" "$((warmup / 2))" "$never_full" warmup-open >"$work/warmup.txt" || true
  grep -E '^(ALL|Throughput|Status)' "$work/warmup.txt" || true
  api_counts "$warm_meeting" >/dev/null
  wait "$list_pid" || true
  await_outbox || true
  pass_jit="$(awk -v t="$(($(jit_ticks) - jit_then))" -v hz="$hz" -v n="$warmup" 'BEGIN { printf "%.3f", 1000 * t / hz / n }')"
  log "Warm-up pass $pass: JIT compilers $pass_jit ms of CPU per registration"
  (($(echo "$pass_jit < $warm_jit_ms" | bc))) && break
done
log "JIT compilers: $(awk -v t="$(($(jit_ticks) - jit_before))" -v hz="$hz" 'BEGIN { printf "%.1f", t / hz }') s of CPU in the warm-up;" \
  "$( ((pass <= warm_passes)) && echo "under $warm_jit_ms ms per registration after $pass passes" || echo "still over $warm_jit_ms ms per registration after $warm_passes passes")"

# 4. Registrations: a meeting that fills, then one that never does; BENCH_ROUNDS times. Each run of the load
# driver first sends BENCH_DRIVER_WARMUP registrations (fewer for the one-client run) for a meeting of
# their own, over the connections it then measures with, so that its own JIT compilers and new connections
# are not in the measurement (they share the two cores with the service).
driver_warmup="${BENCH_DRIVER_WARMUP:-1000}"
driver_warm_meeting="$(load meeting "$base" "$token_file" "$never_full" "Benchmark: the load driver's warm-up")"
jfr_start registrations
full_p50=() full_p99=() full_rps=() open_p50=() open_p99=() open_rps=() checks=() open_checks=() full_cpu=() open_cpu=()
for ((r = 1; r <= rounds; r++)); do
  machine
  registration_run "full-$r" "$capacity" "$clients" "$attempts"
  full_p50+=("$(field p50_ms "$run_result")"); full_p99+=("$(field p99_ms "$run_result")")
  full_rps+=("$(field throughput_rps "$run_result")"); checks+=("$run_check"); full_cpu+=("$run_cpu")
  registration_run "open-$r" "$never_full" "$clients" "$attempts"
  open_p50+=("$(field p50_ms "$run_result")"); open_p99+=("$(field p99_ms "$run_result")")
  open_rps+=("$(field throughput_rps "$run_result")"); open_checks+=("$run_check"); open_cpu+=("$run_cpu")
done
jfr_stop registrations
machine
registration_run "one-client" "$never_full" 1 500
single_result="$run_result"

# 5. The public listing.
machine
log "Listing: $list_requests requests at $clients clients after warm-up passes of $list_warmup requests"
for ((pass = 1; pass <= warm_passes; pass++)); do
  jit_then=$(jit_ticks)
  load list "$base" "$work/list-urls.txt" "$clients" "$list_warmup" 0 >/dev/null || true
  pass_jit="$(awk -v t="$(($(jit_ticks) - jit_then))" -v hz="$hz" -v n="$list_warmup" 'BEGIN { printf "%.4f", 1000 * t / hz / n }')"
  log "Listing warm-up pass $pass: JIT compilers $pass_jit ms of CPU per request"
  (($(echo "$pass_jit < 0.005" | bc))) && break
done
jfr_start listing
list_misses_before="$(list_misses)"
driver "$work/listing.txt" list "$base" "$work/list-urls.txt" "$clients" "$list_requests" "$list_warmup" \
  || log "Some listing requests failed (see $work/listing.txt)"
listing_ended_utc="$(now_utc)"
list_renders="$(awk -v b="${list_misses_before:-0}" -v a="$(list_misses)" 'BEGIN { printf "%d", a - b }')"
log "Lists rendered during the listing (its driver's warm-up included): $list_renders (the other requests got a list rendered earlier in the same database snapshot; ADR 0010)"
list_gc="$(gc_during "$measure_started_utc" "$listing_ended_utc")"
log "GC during the listing: $list_gc; autovacuum: $(autovacuum_during "$measure_started_utc" "$listing_ended_utc")"
after="$(cpu_snapshot)"
jfr_stop listing
list_result="$(grep '^RESULT' "$work/listing.txt" || echo RESULT)"
list_cpu="$(cpu_per_request "$cpu_before" "$after" "$list_requests")"
log "CPU per listing request: $list_cpu"

# 6. The database's own ceiling: pgbench with the registration transaction, the service paused.
machine
await_outbox || true
bench_meeting="$(load meeting "$base" "$token_file" "$never_full" "Benchmark: pgbench")"
sql "update meeting set capacity = 2000000000 where id = '$bench_meeting'" # never full, however fast
log "pgbench: $pgbench_clients clients, $pgbench_seconds s, bench/registration-transaction.sql, meeting $bench_meeting; events-service paused (SIGSTOP)"
kill -STOP "$service_pid"
before="$(cpu_snapshot)"
pgbench_status=0
pgbench -n -M prepared -c "$pgbench_clients" -j 2 -T "$pgbench_seconds" -D meeting="$bench_meeting" -D n=0 \
  -f bench/registration-transaction.sql -h 127.0.0.1 -p 55432 -U techtank events >"$work/pgbench.txt" 2>&1 || pgbench_status=$?
sleep 1 # pgbench's backends end after it: once the postmaster has reaped them, their CPU is in its cutime
after="$(cpu_snapshot)"
cat "$work/pgbench.txt"
tps="$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$work/pgbench.txt")"
transactions="$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$work/pgbench.txt")"
pgbench_rows="$(sql "select (select confirmed_count from meeting where id = '$bench_meeting') || ' ' || count(*)
                     from registration where meeting_id = '$bench_meeting'")"
pgbench_cpu="$(cpu_per_request "$before" "$after" "${transactions:-1}")"
log "pgbench (exit $pgbench_status): ${tps:-?} transactions/s, ${transactions:-?} transactions; meeting's confirmed_count and registrations: $pgbench_rows; CPU per transaction: $pgbench_cpu"
sql "delete from platform.outbox where aggregate_id in (select id::text from registration where meeting_id = '$bench_meeting');
     delete from registration where meeting_id = '$bench_meeting'; delete from meeting where id = '$bench_meeting'"
kill -CONT "$service_pid"
log "pgbench's rows deleted, events-service continued"

# 7. Summary.
machine
open_rps_median="$(median "${open_rps[@]}")"
full_p99_median="$(median "${full_p99[@]}")"
open_p99_median="$(median "${open_p99[@]}")"
list_p99="$(field p99_ms "$list_result")"
ratio="$(awk -v s="$open_rps_median" -v t="${tps:-0}" 'BEGIN { printf "%.2f", (t > 0 ? s / t : 0) }')"
all_checks="$( [[ " ${checks[*]} ${open_checks[*]} " == *FAIL* ]] && echo FAIL || echo PASS)"
{
  echo "SUMMARY events-service registrations, $clients clients, $attempts attempts per meeting, $rounds rounds (JVM: $jvm_opts)"
  for ((r = 0; r < rounds; r++)); do
    echo "  round $((r + 1)), $capacity seats: p50 ${full_p50[r]} ms, p99 ${full_p99[r]} ms, ${full_rps[r]}/s; exactly $capacity confirmed, positions 1..$((attempts - capacity)): ${checks[r]}; CPU per registration: ${full_cpu[r]}"
    echo "  round $((r + 1)), never full: p50 ${open_p50[r]} ms, p99 ${open_p99[r]} ms, ${open_rps[r]}/s; all $attempts confirmed: ${open_checks[r]}; CPU per registration: ${open_cpu[r]}"
  done
  echo "  median, $capacity seats: p50 $(median "${full_p50[@]}") ms, p99 $full_p99_median ms, $(median "${full_rps[@]}") registrations/s"
  echo "  median, never full: p50 $(median "${open_p50[@]}") ms, p99 $open_p99_median ms, $open_rps_median registrations/s"
  echo "  checks (database, API and answers): $all_checks"
  echo "  1 client, 500 registrations: p50 $(field p50_ms "$single_result") ms, p99 $(field p99_ms "$single_result") ms, $(field throughput_rps "$single_result")/s"
  echo "  listing, $clients clients: p50 $(field p50_ms "$list_result") ms, p99 $list_p99 ms, $(field throughput_rps "$list_result") requests/s; CPU per request: $list_cpu; GC: $list_gc"
  echo "  pgbench ceiling ($pgbench_clients clients, $pgbench_seconds s, exit $pgbench_status): ${tps%.*} transactions/s; CPU per transaction: $pgbench_cpu"
  echo "  service / ceiling: $ratio"
  echo "  targets: throughput >= 0.5 x ceiling: $(met "$ratio >= 0.5"); registration p99 <= 100 ms: $(met "$full_p99_median <= 100 && $open_p99_median <= 100"); listing p99 <= 30 ms: $(met "${list_p99:-999} <= 30")"
} | tee "$work/summary.txt"
log "Results in $work"
