#!/usr/bin/env bash
# Benchmark of notifications-service's delivery (issue 15): how long a registration's confirmation mail
# takes to reach an SMTP server at a steady arrival rate, how fast a backlog of them drains, and the SMTP
# server's own ceiling for the same messages.
#
#   bench/notifications-delivery.sh [--keep-data] [--skip-build] [--wait]
#
# What it does, from the repository root of this worktree (any current directory works):
#   1. builds events-service, notifications-service and the local stack launcher when their jars are
#      missing or older than the sources (--skip-build: never), and compiles the load driver
#      (bench/NotificationLoad.java with bench/BenchLoad.java, bench/BenchHttp.java, bench/RegistrationLoad.java)
#      and the bench SMTP sink (bench/SmtpSink.java);
#   2. starts the sink on 127.0.0.1:BENCH_SMTP_PORT (2626), a JVM of its own that accepts every message and
#      logs, per message, the Unix time in microseconds of its final "250" after DATA, the recipient and
#      the size (sink.log); then the local stack with events-service and notifications-service
#      (deploy/local/run --fresh --only events-service,notifications-service, with SMTP_HOST=127.0.0.1
#      SMTP_PORT=BENCH_SMTP_PORT, so the stack runs no GreenMail and the services send to the sink:
#      embedded PostgreSQL 17 on :55432, Kafka on :9092, the services on :8082 and :8084; those ports must
#      be free, --wait waits up to 30 minutes for them), both services with production-like JVM flags
#      (BENCH_JVM_OPTS, default "-Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError": C2 on),
#      notifications-service with its default 2 mail senders unless TECHTANK_NOTIFICATIONS_MAIL_SENDERS is
#      set; --keep-data starts it without --fresh;
#   3. warms both services up (and Kafka, PostgreSQL and the sink) with BENCH_WARMUP (3000) registrations
#      for a meeting that never fills, from BENCH_CLIENTS (50) clients, waiting for all their confirmation
#      mails, in passes until one costs the two services' JIT compilers under BENCH_WARMUP_JIT_MS (0.05) ms
#      of CPU per registration, at most BENCH_WARMUP_PASSES (3); then 2000 unmeasured messages straight to
#      the sink (its own warm-up for step 6);
#   4. BENCH_ROUNDS (3) rounds of:
#      a. steady arrivals: an open loop of BENCH_RATE (100) anonymous registrations per second for
#         BENCH_SECONDS (60) s, each with an e-mail address of its own, for a meeting that never fills
#         (capacity 100,000), after BENCH_DRIVER_WARMUP (500) unmeasured ones at the same rate (the loop
#         keeps its rate whatever the answers take: up to BENCH_WORKERS (64) requests in flight). Per
#         registration, the time from its INTENDED send time to the sink's 250 for its address's mail
#         (the path: registration, events outbox, Kafka, notifications inbox, delivery row, sender, SMTP):
#         p50, p99, max, count, and how many are missing BENCH_DRAIN_SECONDS (60) after the last answer;
#         and the registration's HTTP latency, also from its intended send time (no coordinated omission);
#      b. a backlog: BENCH_BURST (2000) registrations at once from BENCH_CLIENTS (50) closed-loop clients,
#         then the confirmation mails per second from the first to the last one the sink accepted, until
#         all arrived (at most BENCH_DRAIN_SECONDS x 5 after the last answer);
#      c. the sink's ceiling: as many messages of the confirmations' mean size (text, HTML and an .ics
#         attachment) straight to the sink from BENCH_DIRECT_THREADS (4) threads with a plain-socket SMTP
#         client (one connection each; not Jakarta Mail, which is not on the driver's classpath), counted
#         the same way; the backlog's mails/s as a ratio of it;
#      each phase starts once the events outbox is published and no e-mail delivery is pending (at most
#      300 s), with the CPU time per mail of events-service, notifications-service, PostgreSQL (all its
#      processes), Kafka and the sink, from the start of the phase until its last mail arrived;
#   5. prints the deliveries by status (notifications database), a summary against the targets (mail p99
#      at most 150 ms at 100 registrations/s; backlog mails/s at least 0.5 x the sink's ceiling; medians of
#      the rounds) and stops the stack and the sink (also on Ctrl-C or failure).
# Every measured registration of 4a is in open-N-answers.txt ("intended send time, µs from the start; HTTP
# latency, µs; mail latency, µs, -1 if missing"); the driver prints when the registrations of the mails
# later than 150 ms were due, in 1 s windows. After each phase it prints where the mails' time went, from the
# databases' timestamps: the events outbox relay, Kafka and the notifications inbox, the senders (NAME-stages.txt,
# one line per mail, ms). The services' GC logs are gc-<pid>.log.
# Everything listens on 127.0.0.1 only. Logs and results go to .local/bench/notifications/ (git-ignored).
# Needs Java 17+ (a JDK), curl, bc and psql (Debian: postgresql-client).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo/.local/bench/notifications"
base="http://127.0.0.1:8082"
rate="${BENCH_RATE:-100}"
seconds="${BENCH_SECONDS:-60}"
workers="${BENCH_WORKERS:-64}"
driver_warmup="${BENCH_DRIVER_WARMUP:-500}"
drain="${BENCH_DRAIN_SECONDS:-60}"
burst="${BENCH_BURST:-2000}"
clients="${BENCH_CLIENTS:-50}"
rounds="${BENCH_ROUNDS:-3}"
warmup="${BENCH_WARMUP:-3000}"
warm_passes="${BENCH_WARMUP_PASSES:-3}"
warm_jit_ms="${BENCH_WARMUP_JIT_MS:-0.05}"
direct_threads="${BENCH_DIRECT_THREADS:-4}"
sink_port="${BENCH_SMTP_PORT:-2626}"
jvm_opts="${BENCH_JVM_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
never_full=100000 # the API's largest capacity
fresh=(--fresh)
build=auto
wait=no
for arg in "$@"; do
  case "$arg" in
    --keep-data) fresh=() ;;
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
sql() { sql_in "$@"; }

# 1. Build what is missing or stale; compile the load driver and the sink once.
if [[ "$build" != never ]]; then
  build_if_stale events-service
  build_if_stale notifications-service
fi
classes="$work/classes"
rm -rf "$classes"
javac -d "$classes" bench/BenchHttp.java bench/BenchLoad.java bench/RegistrationLoad.java bench/SmtpSink.java \
  bench/NotificationLoad.java
# The load driver runs with C1 only: it shares the two cores with the services (why: bench/BenchLoad.java).
load() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classes" RegistrationLoad "$@"; }
notify() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classes" NotificationLoad "$@"; }

# 2. The sink, then the local stack with both services sending to it. The stack's stop (lib.sh's
# stop_stack, run on exit) stops the sink too.
wait_for_ports "8082|8084|9092|9093|55432|$sink_port" "$wait"
sink_log="$work/sink.log"
java -XX:+UseSerialGC -Xms64m -Xmx256m -cp "$classes" SmtpSink "$sink_port" "$sink_log" >"$work/sink.out" 2>&1 &
sink_pid=$!
eval "lib_$(declare -f stop_stack)"
stop_stack() {
  if [[ -n "${stack_pid:-}" ]]; then lib_stop_stack; fi
  kill "$sink_pid" 2>/dev/null || true
}
trap stop_stack EXIT
for ((i = 0; i < 100; i++)); do grep -q listening "$work/sink.out" && break; sleep 0.1; done
grep -q listening "$work/sink.out" || { cat "$work/sink.out" >&2; echo "The SMTP sink did not start." >&2; exit 1; }
export SMTP_HOST=127.0.0.1 SMTP_PORT="$sink_port"
rm -f "$work"/gc-*.log
start_stack events-service,notifications-service "$jvm_opts -Xlog:gc:file=$work/gc-%p.log:utctime" "${fresh[@]}"
trap stop_stack EXIT # start_stack set lib.sh's own; this one also stops the sink
events_pid="$(pgrep -f "$repo/events-service/target/quarkus-app/quarkus-run.jar" | head -n1)"
notifications_pid="$(pgrep -f "$repo/notifications-service/target/quarkus-app/quarkus-run.jar" | head -n1)"
token_file="$repo/.local/tokens/staff.jwt"
postmaster_pid="$(head -n1 "$repo/.local/postgres/postmaster.pid")"
kafka_pid="$(pgrep -f "kafka\.Kafka .*$repo/" | head -n1 || true)"
log "Stack ready (events-service pid $events_pid, notifications-service $notifications_pid, PostgreSQL $postmaster_pid, Kafka ${kafka_pid:-?}, sink $sink_pid on :$sink_port)"
log "Mail senders: ${TECHTANK_NOTIFICATIONS_MAIL_SENDERS:-2 (the default)}; PostgreSQL $(sql events 'show server_version'): fsync $(sql events 'show fsync'), synchronous_commit $(sql events 'show synchronous_commit'); commit $(git rev-parse --short HEAD)$([[ -z "$(git status --porcelain)" ]] || echo ' (with uncommitted changes)')"
machine

# CPU time from /proc (lib.sh's ticks and postgres_ticks), per mail.
hz=$(getconf CLK_TCK)
snapshot() { echo "$(ticks "$events_pid") $(ticks "$notifications_pid") $(postgres_ticks) $( [[ -n "$kafka_pid" ]] && ticks "$kafka_pid" || echo 0) $(ticks "$sink_pid")"; }
cpu_per_mail() { # BEFORE AFTER MAILS
  awk -v b="$1" -v a="$2" -v hz="$hz" -v n="$3" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    printf "events-service %.2f ms, notifications-service %.2f ms, PostgreSQL %.2f ms, Kafka %.2f ms, sink %.2f ms",
      1000 * (y[1] - x[1]) / hz / n, 1000 * (y[2] - x[2]) / hz / n, 1000 * (y[3] - x[3]) / hz / n,
      1000 * (y[4] - x[4]) / hz / n, 1000 * (y[5] - x[5]) / hz / n }'
}
# await_quiet: until the events outbox is published and no e-mail delivery is pending (what an earlier phase
# left behind would compete with the next), at most 300 s.
await_quiet() {
  local i
  for ((i = 0; i < 1500; i++)); do
    [[ "$(sql events 'select count(*) from platform.outbox where sent_at is null')" == 0 \
      && "$(sql notifications "select count(*) from delivery where status = 'PENDING' and channel = 'EMAIL'")" == 0 ]] && return 0
    sleep 0.2
  done
  log "Still unsent events or pending deliveries after 300 s"
}
# stages MEETING NAME: where the time of a phase's confirmation mails went, per registration, from the two
# databases' timestamps (p50 / p99 / max in ms): the events outbox (occurred_at, the registration's
# transaction, to sent_at, the relay's publication), Kafka and the notifications inbox (publication to the
# delivery's created_at, planned in the inbox transaction) and the senders (created_at to sent_at).
stages() {
  sql events "select o.aggregate_id, extract(epoch from o.occurred_at), extract(epoch from o.sent_at) from platform.outbox o
              join registration r on o.aggregate_id = r.id::text
              where r.meeting_id = '$1' and o.event_type like '%.registration.confirmed'" | sort -t'|' -k1,1 >"$work/$2-events.txt"
  sql notifications "select registration_id, extract(epoch from created_at), extract(epoch from sent_at) from delivery
                     where kind = 'REGISTRATION_CONFIRMED' and created_at > now() - interval '20 minutes'" \
    | sort -t'|' -k1,1 >"$work/$2-deliveries.txt"
  join -t'|' "$work/$2-events.txt" "$work/$2-deliveries.txt" \
    | awk -F'|' '$3 != "" && $5 != "" { printf "%.1f %.1f %.1f\n", 1000 * ($3 - $2), 1000 * ($4 - $3), 1000 * ($5 - $4) }' >"$work/$2-stages.txt"
  local col name out=""
  for col in 1 2 3; do
    name=$(case $col in 1) echo "outbox relay" ;; 2) echo "Kafka + inbox" ;; 3) echo "senders (SMTP included)" ;; esac)
    out="$out$name $(awk -v c=$col '{print $c}' "$work/$2-stages.txt" | sort -g \
      | awk '{v[NR] = $1} END { if (NR == 0) { print "none"; exit }
                                 printf "%.0f / %.0f / %.0f", v[int((NR + 1) / 2)], v[int(NR * 0.99 + 0.999)], v[NR] }'); "
  done
  log "Stages of $2 ($(wc -l <"$work/$2-stages.txt") mails; p50 / p99 / max ms): $out"
}
both_jit_ticks() { echo $(( $(service_pid="$events_pid" jit_ticks) + $(service_pid="$notifications_pid" jit_ticks) )); }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# 3. Warm-up: registrations and their mails, in passes; then the sink on its own.
for ((pass = 1; pass <= warm_passes; pass++)); do
  jit_then=$(both_jit_ticks)
  warm_meeting="$(load meeting "$base" "$token_file" "$never_full" "Benchmark: warm-up $pass")"
  log "Warm-up pass $pass: $warmup registrations at $clients clients, meeting $warm_meeting, and their mails"
  notify burst "$base" "$warm_meeting" "$clients" "$warmup" "$sink_log" "$((drain * 5))" "warm-up-$pass" >"$work/warmup.txt" 2>&1 \
    || log "Warm-up pass $pass: failed registrations or missing mails (see $work/warmup.txt)"
  grep -E '^(Registrations|Mails):' "$work/warmup.txt" || true
  pass_jit="$(awk -v t="$(($(both_jit_ticks) - jit_then))" -v hz="$hz" -v n="$warmup" 'BEGIN { printf "%.3f", 1000 * t / hz / n }')"
  log "Warm-up pass $pass: the services' JIT compilers $pass_jit ms of CPU per registration"
  (($(echo "$pass_jit < $warm_jit_ms" | bc))) && break
done
notify direct "$sink_port" 2000 "$direct_threads" 6000 "$sink_log" direct-warm-up >"$work/direct-warmup.txt" 2>&1 || true
log "Sink warm-up: $(grep '^RESULT' "$work/direct-warmup.txt" || echo failed)"

# 4. Rounds.
open_p50=() open_p99=() open_max=() open_missing=() http_p50=() http_p99=() open_cpu=()
burst_rate=() burst_cpu=() burst_missing=() ceiling=() ratio=()
for ((r = 1; r <= rounds; r++)); do
  machine
  # a. Steady arrivals, open loop.
  await_quiet
  meeting="$(load meeting "$base" "$token_file" "$never_full" "Benchmark: steady $r")"
  log "Round $r, steady: $rate registrations/s for $seconds s (after $driver_warmup unmeasured), meeting $meeting"
  before="$(snapshot)"
  BENCH_ANSWERS="$work/open-$r-answers.txt" notify open "$base" "$meeting" "$rate" "$seconds" "$workers" "$driver_warmup" \
    "$sink_log" "$drain" "open-$r" >"$work/open-$r.txt" 2>&1 || log "Registrations failed or mails missing (see $work/open-$r.txt)"
  after="$(snapshot)"
  cat "$work/open-$r.txt"
  result="$(grep '^RESULT' "$work/open-$r.txt" || echo RESULT)"
  open_p50+=("$(field mail_p50_ms "$result" || echo nan)"); open_p99+=("$(field mail_p99_ms "$result" || echo nan)")
  open_max+=("$(field mail_max_ms "$result" || echo nan)"); open_missing+=("$(field missing "$result" || echo nan)")
  http_p50+=("$(field http_p50_ms "$result" || echo nan)"); http_p99+=("$(field http_p99_ms "$result" || echo nan)")
  open_cpu+=("$(cpu_per_mail "$before" "$after" "$((driver_warmup + rate * seconds))")")
  log "CPU per mail (steady, $((driver_warmup + rate * seconds)) registrations with the driver's warm-up): ${open_cpu[-1]}"
  stages "$meeting" "open-$r"

  # b. A backlog.
  await_quiet
  meeting="$(load meeting "$base" "$token_file" "$never_full" "Benchmark: backlog $r")"
  log "Round $r, backlog: $burst registrations at once from $clients clients, meeting $meeting"
  before="$(snapshot)"
  notify burst "$base" "$meeting" "$clients" "$burst" "$sink_log" "$((drain * 5))" "burst-$r" >"$work/burst-$r.txt" 2>&1 \
    || log "Registrations failed or mails missing (see $work/burst-$r.txt)"
  after="$(snapshot)"
  cat "$work/burst-$r.txt"
  result="$(grep '^RESULT' "$work/burst-$r.txt" || echo RESULT)"
  burst_rate+=("$(field mails_per_s "$result" || echo nan)"); burst_missing+=("$(field missing "$result" || echo nan)")
  size="$(field mean_size "$result" || echo nan)"
  [[ "$size" =~ ^[0-9]+$ ]] || size=6000
  burst_cpu+=("$(cpu_per_mail "$before" "$after" "$burst")")
  log "CPU per mail (backlog, registration included): ${burst_cpu[-1]}"
  stages "$meeting" "burst-$r"

  # c. The sink's own ceiling for the same number of messages of the same size.
  notify direct "$sink_port" "$burst" "$direct_threads" "$size" "$sink_log" "direct-$r" >"$work/direct-$r.txt" 2>&1 \
    || log "The direct sends failed (see $work/direct-$r.txt)"
  cat "$work/direct-$r.txt"
  result="$(grep '^RESULT' "$work/direct-$r.txt" || echo RESULT)"
  ceiling+=("$(field mails_per_s "$result" || echo nan)")
  ratio+=("$(awk -v s="${burst_rate[-1]:-0}" -v c="${ceiling[-1]:-0}" 'BEGIN { printf "%.3f", (c > 0 ? s / c : 0) }')")
  log "Round $r: backlog ${burst_rate[-1]} mails/s, sink ceiling ${ceiling[-1]} mails/s, ratio ${ratio[-1]}"
done

# 5. Summary.
machine
log "Deliveries by status (notifications database): $(sql notifications "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from delivery group by status order by status) s")"
log "GC pauses of the services (all of the run): $(for f in "$work"/gc-*.log; do gc_log="$f" gc_during 0000 9999; echo -n " [$(basename "$f")]; "; done)"
p99_median="$(median "${open_p99[@]}")"
ratio_median="$(median "${ratio[@]}")"
{
  echo "SUMMARY notifications-service delivery, $rounds rounds (JVM: $jvm_opts; mail senders: ${TECHTANK_NOTIFICATIONS_MAIL_SENDERS:-2})"
  for ((r = 0; r < rounds; r++)); do
    echo "  round $((r + 1)), $rate registrations/s for $seconds s: mail p50 ${open_p50[r]} ms, p99 ${open_p99[r]} ms, max ${open_max[r]} ms, missing ${open_missing[r]}; HTTP p50 ${http_p50[r]} ms, p99 ${http_p99[r]} ms; CPU per mail: ${open_cpu[r]}"
    echo "  round $((r + 1)), backlog of $burst: ${burst_rate[r]} mails/s, missing ${burst_missing[r]}; sink ceiling ${ceiling[r]} mails/s; ratio ${ratio[r]}; CPU per mail: ${burst_cpu[r]}"
  done
  echo "  median, steady: mail p50 $(median "${open_p50[@]}") ms, p99 $p99_median ms, max $(median "${open_max[@]}") ms; HTTP p50 $(median "${http_p50[@]}") ms, p99 $(median "${http_p99[@]}") ms"
  echo "  median, backlog: $(median "${burst_rate[@]}") mails/s; sink ceiling $(median "${ceiling[@]}") mails/s; ratio $ratio_median"
  echo "  targets: mail p99 <= 150 ms at $rate/s: $(met "${p99_median:-999999} <= 150"); backlog >= 0.5 x the sink's ceiling: $(met "${ratio_median:-0} >= 0.5")"
} | tee "$work/summary.txt"
log "Results in $work"
