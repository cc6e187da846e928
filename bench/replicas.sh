#!/usr/bin/env bash
# Benchmark of two replicas of events-service against one, on the same cores: the registration rush through
# a round-robin of two replicas, and the outbox drained by two relays.
#
#   bench/replicas.sh [--skip-build] [--wait]
#
# What it does, from the repository root of this worktree (any current directory works):
#   1. builds events-service and the local stack launcher when their jars are missing or older than the
#      sources (--skip-build: never);
#   2. starts the local stack with two replicas of events-service only (deploy/local/run --fresh --replicas 2
#      --only events-service: embedded PostgreSQL 17 on :55432, Kafka on :9092, the replicas on :8082 and
#      :8092, management :8182 and :8192; those ports must be free, --wait waits up to 30 minutes for them),
#      both with the JVM flags of bench/events-registration.sh (BENCH_JVM_OPTS);
#   3. warms both replicas up: BENCH_WARMUP_PASSES (4) passes of BENCH_WARMUP (20000) registrations spread
#      over both, half for a meeting of 1,000 seats, half for one that never fills;
#   4. BENCH_ROUNDS (3) rounds of the rush of bench/events-registration.sh: BENCH_ATTEMPTS (2000)
#      anonymous registrations from BENCH_CLIENTS (50) clients for a meeting of BENCH_CAPACITY (150) seats,
#      once all to the first replica ("one replica": the second stays up and idle) and once with the
#      clients spread over both in turn ("two replicas", as a round-robin Service does), the order swapped
#      every round; then the same for a meeting that never fills. After each run it checks in the database
#      and in the answers that exactly 150 were confirmed and the rest waitlisted with positions 1..n, each
#      once;
#   5. BENCH_ROUNDS rounds of the outbox drain, the order swapped every round: with both replicas paused
#      (SIGSTOP), BENCH_DRAIN_ROWS (10000) rows are written into the outbox in one transaction, for a topic
#      of their own (bench.outbox-drain.N, 3 partitions, never read by a service), BENCH_DRAIN_KEYS (1000)
#      keys, 10 rows each; then only the first replica continues ("one relay") or both do ("two relays"),
#      and the time until the last row is marked sent gives the rate. Checks on the topic (bench/OutboxDrain.java):
#      every row once by ce_id, and in outbox order per key; and from each replica's
#      techtank_outbox_published_total which relays did the work;
#   6. prints a summary against the targets (two replicas >= 0.85 x one replica's registrations/s; two relays
#      >= 0.9 x one relay's rows/s) and stops the stack (also on Ctrl-C or failure).
# Time to ready and memory per service are measured by bench/startup.sh.
# Everything listens on 127.0.0.1 only. Logs and results go to .local/bench/replicas/ (git-ignored).
# Needs Java 17+ (a JDK), curl, bc and psql (Debian: postgresql-client).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo/.local/bench/replicas"
first="http://127.0.0.1:8082"
second="http://127.0.0.1:8092"
clients="${BENCH_CLIENTS:-50}"
attempts="${BENCH_ATTEMPTS:-2000}"
capacity="${BENCH_CAPACITY:-150}"
rounds="${BENCH_ROUNDS:-3}"
warmup="${BENCH_WARMUP:-20000}"
warm_passes="${BENCH_WARMUP_PASSES:-4}"
drain_rows="${BENCH_DRAIN_ROWS:-10000}"
drain_keys="${BENCH_DRAIN_KEYS:-1000}"
driver_warmup="${BENCH_DRIVER_WARMUP:-1000}"
jvm_opts="${BENCH_JVM_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
never_full=100000 # the API's largest capacity
build=auto
wait=no
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=never ;;
    --wait) wait=yes ;;
    -h | --help) sed -n '2,/^set -e/{/^#/p}' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

source "$repo/bench/lib.sh"
need_tools curl bc psql javac

mkdir -p "$work"
cd "$repo"
export PGPASSWORD=techtank
sql() { sql_in events "$1"; }

# 1. Build what is missing or stale; compile the load driver and the drain's Kafka check once.
[[ "$build" == never ]] || build_if_stale events-service
classes="$work/classes"
rm -rf "$classes"
javac -d "$classes" bench/BenchHttp.java bench/BenchLoad.java bench/RegistrationLoad.java
javac -d "$classes" -cp "deploy/local/target/lib/*" bench/OutboxDrain.java
# The load driver runs with C1 only: it shares the two cores with the services (why: bench/BenchLoad.java).
load() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classes" RegistrationLoad "$@"; }
kafka_check() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classes:deploy/local/target/lib/*" OutboxDrain "$@"; }
measuring_line='^Registrations: '

# 2. The local stack with two replicas of events-service.
wait_for_ports '8082|8092|8182|8192|9092|9093|55432|2525' "$wait"
start_stack events-service "$jvm_opts" --fresh --replicas 2
pid1="$(cat .local/pids/events-service.pid)"
pid2="$(cat .local/pids/events-service-2.pid)"
service_pid="$pid1" # for lib.sh's cpu_snapshot; both replicas' CPU is counted below
postmaster_pid="$(head -n1 "$repo/.local/postgres/postmaster.pid")"
kafka_pid="$(pgrep -f "kafka\.Kafka .*$repo/" | head -n1 || true)"
token_file="$repo/.local/tokens/staff.jwt"
log "Stack ready: replicas pid $pid1 ($first) and $pid2 ($second), PostgreSQL $postmaster_pid, Kafka ${kafka_pid:-?}; commit $(git rev-parse --short HEAD)$([[ -z "$(git status --porcelain)" ]] || echo ' (with uncommitted changes)')"
machine
hz=$(getconf CLK_TCK)
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# both_ticks: "REPLICAS JIT POSTGRESQL KAFKA" CPU ticks: both replicas, of that their JIT compiler threads,
# PostgreSQL (every process) and Kafka.
both_ticks() {
  echo "$(($(ticks "$pid1") + $(ticks "$pid2"))) $(($(service_pid="$pid1" jit_ticks) + $(service_pid="$pid2" jit_ticks))) $(postgres_ticks) $([[ -n "$kafka_pid" ]] && ticks "$kafka_pid" || echo 0)"
}
# cpu_breakdown BEFORE AFTER N (two both_ticks answers): ms of CPU per request, in total and per part.
cpu_breakdown() {
  awk -v b="$1" -v a="$2" -v hz="$hz" -v n="$3" 'BEGIN {
    split(b, x, " "); split(a, y, " "); for (i = 1; i <= 4; i++) d[i] = 1000 * (y[i] - x[i]) / hz / n
    printf "%.2f ms (replicas %.2f, of that JIT compilers %.2f; PostgreSQL %.2f; Kafka %.2f)", d[1] + d[3] + d[4], d[1], d[2], d[3], d[4] }'
}
# published PORT: techtank_outbox_published_total of the replica whose management port is PORT.
published() {
  curl -sS --max-time 30 "http://127.0.0.1:$1/q/metrics" | awk '/^techtank_outbox_published_total/ { n += $NF } END { printf "%d", n }'
}

# 3. Warm-up of both replicas.
for ((pass = 1; pass <= warm_passes; pass++)); do
  log "Warm-up pass $pass: $warmup registrations at $clients clients over both replicas, half for a meeting of 1000 seats, half for one that never fills"
  warm_meeting="$(load meeting "$first" "$token_file" 1000 "Benchmark: warm-up, fills")"
  load register "$first,$second" "$warm_meeting" "$clients" "$((warmup / 2))" 1000 warmup-full >"$work/warmup.txt" || true
  grep -E '^(ALL|Throughput|Status)' "$work/warmup.txt" || true
  warm_meeting="$(load meeting "$first" "$token_file" "$never_full" "Benchmark: warm-up, never full")"
  load register "$first,$second" "$warm_meeting" "$clients" "$((warmup / 2))" "$never_full" warmup-open >"$work/warmup.txt" || true
  grep -E '^(ALL|Throughput|Status)' "$work/warmup.txt" || true
  await_outbox || true
done
driver_warm_meeting="$(load meeting "$first" "$token_file" "$never_full" "Benchmark: the load driver's warm-up")"

# registration_run NAME BASES SEATS: one measured run against a new meeting of SEATS; sets run_rps, run_p99,
# run_cpu (CPU per registration: both replicas, PostgreSQL, Kafka) and run_check (PASS/FAIL).
registration_run() {
  local name="$1" bases="$2" seats="$3" result before db expected_confirmed expected_waitlisted want
  local meeting
  meeting="$(load meeting "$first" "$token_file" "$seats" "Benchmark: $name")"
  before="$(both_ticks)"
  driver "$work/$name.txt" register "$bases" "$meeting" "$clients" "$attempts" "$seats" "$name" \
    "$driver_warm_meeting" "$driver_warmup" >/dev/null \
    || log "The load driver reported failed requests or wrong answers (see $work/$name.txt)"
  await_outbox || true
  result="$(grep '^RESULT' "$work/$name.txt" || echo RESULT)"
  run_rps="$(field throughput_rps "$result")"
  run_p99="$(field p99_ms "$result")"
  run_cpu="$(cpu_breakdown "$before" "$(both_ticks)" "$attempts")"
  expected_confirmed=$((seats < attempts ? seats : attempts))
  expected_waitlisted=$((attempts - expected_confirmed))
  db="$(sql "select count(*) filter (where status = 'CONFIRMED'), count(*) filter (where status = 'WAITLISTED'),
               count(distinct waitlist_position), (select confirmed_count || '/' || waitlist_length from meeting where id = '$meeting')
             from registration where meeting_id = '$meeting'" | tr '|' ' ')"
  want="$expected_confirmed $expected_waitlisted $expected_waitlisted $expected_confirmed/$expected_waitlisted"
  [[ "$db" == "$want" && "$(field answers "$result")" == PASS ]] && run_check=PASS || run_check=FAIL
  log "$name: $run_rps registrations/s, p99 $run_p99 ms, CPU per registration $run_cpu; database confirmed/waitlisted/distinct positions/counters = $db (want $want), answers $(field answers "$result"): $run_check"
}

# 4. The rush: one replica against two, the order swapped every round.
one_full=() two_full=() one_open=() two_open=() one_p99=() two_p99=() checks=()
for ((r = 1; r <= rounds; r++)); do
  machine
  order=(one two)
  ((r % 2 == 0)) && order=(two one)
  for seats in "$capacity" "$never_full"; do
    kind=$([[ "$seats" == "$capacity" ]] && echo full || echo open)
    for mode in "${order[@]}"; do
      bases=$([[ "$mode" == one ]] && echo "$first" || echo "$first,$second")
      registration_run "$mode-$kind-$r" "$bases" "$seats"
      checks+=("$run_check")
      case "$mode-$kind" in
        one-full) one_full+=("$run_rps"); one_p99+=("$run_p99") ;;
        two-full) two_full+=("$run_rps"); two_p99+=("$run_p99") ;;
        one-open) one_open+=("$run_rps") ;;
        two-open) two_open+=("$run_rps") ;;
      esac
    done
  done
done

# 5. The outbox drain: one relay against two.
# drain_run NAME RELAYS(1|2) N: sets drain_rate (rows/s), drain_split ("first/second" rows published) and drain_check.
drain_run() {
  local name="$1" relays="$2" n="$3" topic="bench.outbox-drain.$3" before1 before2 started ended left i
  kafka_check topic 127.0.0.1:9092 "$topic" 3 >>"$work/kafka-admin.log" 2>&1
  await_outbox || true
  before1="$(published 8182)"
  before2="$(published 8192)"
  kill -STOP "$pid1" "$pid2"
  sql "insert into platform.outbox (id, topic, aggregate_type, aggregate_id, event_type, data_schema, payload, occurred_at)
       select gen_random_uuid(), '$topic', 'BenchDrain', 'bench-' || (g % $drain_keys), 'se.techtank.bench.drain.v1',
              'urn:techtank:bench:drain:v1',
              jsonb_build_object('n', g, 'meetingId', gen_random_uuid(), 'email', 'drain-' || g || '@example.se',
                                 'name', 'Anna Andersson', 'note', repeat('x', 240)),
              now()
       from generate_series(1, $drain_rows) g"
  started="$(date +%s.%N)"
  kill -CONT "$pid1"
  ((relays == 2)) && kill -CONT "$pid2"
  for ((i = 0; i < 1200; i++)); do
    left="$(sql "select count(*) from platform.outbox where sent_at is null and topic = '$topic'")"
    [[ "$left" == 0 ]] && break
    sleep 0.1
  done
  ended="$(date +%s.%N)"
  ((relays == 2)) || kill -CONT "$pid2"
  drain_rate="$(awk -v s="$started" -v e="$ended" -v n="$drain_rows" 'BEGIN { printf "%.0f", n / (e - s) }')"
  drain_split="$(($(published 8182) - before1))/$(($(published 8192) - before2))"
  kafka_check check 127.0.0.1:9092 "$topic" "$drain_rows" >"$work/$name.txt" 2>&1 || true
  local result
  result="$(grep '^RESULT' "$work/$name.txt" || echo RESULT)"
  [[ "$left" == 0 && "$(field answers "$result")" == PASS ]] && drain_check=PASS || drain_check=FAIL
  log "$name: $drain_rows rows in $(awk -v s="$started" -v e="$ended" 'BEGIN { printf "%.2f", e - s }') s = $drain_rate rows/s; published by the first/second replica: $drain_split; on the topic: $result: $drain_check"
}
one_drain=() two_drain=() drain_checks=() splits=()
run_no=0
for ((r = 1; r <= rounds; r++)); do
  machine
  order=(1 2)
  ((r % 2 == 0)) && order=(2 1)
  for relays in "${order[@]}"; do
    run_no=$((run_no + 1))
    drain_run "drain-$relays-relay-$r" "$relays" "$run_no"
    drain_checks+=("$drain_check")
    if ((relays == 1)); then one_drain+=("$drain_rate"); else two_drain+=("$drain_rate"); splits+=("$drain_split"); fi
  done
done

# 6. Summary.
machine
rush_ratio="$(awk -v a="$(median "${two_full[@]}")" -v b="$(median "${one_full[@]}")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
open_ratio="$(awk -v a="$(median "${two_open[@]}")" -v b="$(median "${one_open[@]}")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
drain_ratio="$(awk -v a="$(median "${two_drain[@]}")" -v b="$(median "${one_drain[@]}")" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
all_checks="$( [[ " ${checks[*]} ${drain_checks[*]} " == *FAIL* ]] && echo FAIL || echo PASS)"
{
  echo "SUMMARY events-service, one replica against two on the same cores ($clients clients, $attempts attempts per meeting, $rounds rounds; JVM: $jvm_opts)"
  echo "  $capacity seats, registrations/s: one replica ${one_full[*]} (median $(median "${one_full[@]}"), p99 median $(median "${one_p99[@]}") ms); two replicas ${two_full[*]} (median $(median "${two_full[@]}"), p99 median $(median "${two_p99[@]}") ms); ratio $rush_ratio"
  echo "  never full, registrations/s: one replica ${one_open[*]} (median $(median "${one_open[@]}")); two replicas ${two_open[*]} (median $(median "${two_open[@]}")); ratio $open_ratio"
  echo "  outbox drain of $drain_rows rows, rows/s: one relay ${one_drain[*]} (median $(median "${one_drain[@]}")); two relays ${two_drain[*]} (median $(median "${two_drain[@]}")), split first/second ${splits[*]}; ratio $drain_ratio"
  echo "  checks (exactly $capacity confirmed, positions 1..n once; every row on its topic once, in order per key): $all_checks"
  echo "  targets: two replicas >= 0.85 x one ($capacity seats): $(met "$rush_ratio >= 0.85"); two relays >= 0.9 x one: $(met "$drain_ratio >= 0.9")"
} | tee "$work/summary.txt"
log "Results in $work"
