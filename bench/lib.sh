# Shared by the benchmark scripts (sourced, not run): logging, building what is stale, starting and
# stopping the local stack with one service, Java Flight Recorder profiles of that service, and measuring a
# phase (CPU time from /proc, GC pauses, autovacuum runs, the load driver in the background, the outbox).
# The sourcing script sets $repo and $work first, and $profile (yes/no) when it offers --profile; the
# globals the measuring functions read are named above them, and are read when they are called.

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }
# need_tools TOOL...: exits naming the first tool missing (psql and pgbench: Debian's postgresql-client).
need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (psql, pgbench: apt-get install postgresql-client)." >&2; exit 1; }
  done
}
# sql_in DATABASE STATEMENT: runs STATEMENT in the local stack's DATABASE, unaligned (PGPASSWORD set by the caller).
sql_in() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55432 -U techtank -d "$1" -c "$2"; }
machine() {
  log "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GB RAM; load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# build_if_stale SERVICE: builds SERVICE and the local stack launcher when a jar is missing or older than
# the sources of SERVICE or of the platform.
build_if_stale() {
  local service="$1"
  local jar="$service/target/quarkus-app/quarkus-run.jar" launcher="deploy/local/target/local-stack.jar"
  if [[ ! -f "$jar" || ! -f "$launcher" ]] \
    || [[ -n "$(find "$service/src/main" platform/src/main "$service/pom.xml" -newer "$jar" -type f -print -quit)" ]]; then
    log "Building $service and the local stack launcher (./mvnw install -DskipTests)"
    ./mvnw -B -q install -DskipTests -Dspotless.check.skip=true -pl "$service,deploy/local" -am
  fi
}

# wait_for_ports PORT_REGEX WAIT(yes/no): fails when a port is taken (another local stack?), or with
# WAIT=yes checks again every minute for up to 30 minutes.
wait_for_ports() {
  local ports="$1" wait="$2" busy i
  for ((i = 0; ; i++)); do
    busy=$(ss -ltnH 2>/dev/null | awk '{print $4}' | grep -E ":($ports)\$" || true)
    [[ -z "$busy" ]] && return 0
    if [[ "$wait" == no || $i -ge 30 ]]; then
      echo "Ports in use (another local stack?): $(echo $busy). Stop it first$([[ "$wait" == no ]] || echo ' (waited 30 minutes)')." >&2
      exit 1
    fi
    log "Ports in use (another local stack?): $(echo $busy); checking again in a minute"
    sleep 60
  done
}

# start_stack SERVICE JVM_OPTS [--fresh]: the local stack with SERVICE only (or several, "a,b": then
# $service_pid is the first one's), in the background, logging
# to $work/stack.log; waits for "Techtank local stack is ready" and sets $stack_pid and $service_pid. The
# stack is stopped when the script exits (also on Ctrl-C or failure).
start_stack() {
  local service="$1" jvm_opts="$2" i
  shift 2
  stack_log="$work/stack.log"
  log "Starting the local stack ($service, JVM: $jvm_opts); log: $stack_log"
  LOCAL_STACK_SERVICE_JVM_OPTS="$jvm_opts" deploy/local/run "$@" --only "$service" >"$stack_log" 2>&1 &
  stack_pid=$!
  service_pid=""
  trap stop_stack EXIT
  for ((i = 0; i < 300; i++)); do
    grep -q "Techtank local stack is ready" "$stack_log" && break
    if ! kill -0 "$stack_pid" 2>/dev/null; then
      tail -n 40 "$stack_log" >&2
      echo "The local stack stopped before it was ready." >&2
      exit 1
    fi
    sleep 1
  done
  grep -q "Techtank local stack is ready" "$stack_log" || { tail -n 40 "$stack_log" >&2; echo "Not ready after 300 s." >&2; exit 1; }
  service_pid="$(pgrep -f "$repo/${service%%,*}/target/quarkus-app/quarkus-run.jar" | head -n1 || true)"
}
stop_stack() {
  [[ -n "${service_pid:-}" ]] && kill -CONT "$service_pid" 2>/dev/null || true
  if kill -0 "$stack_pid" 2>/dev/null; then
    log "Stopping the local stack (pid $stack_pid)"
    kill -TERM "$stack_pid" 2>/dev/null || true
    wait "$stack_pid" 2>/dev/null || true
  fi
}

# jfr_start NAME / jfr_stop NAME (only with --profile): profiles the service during a phase and prints the
# 20 methods most often on top of the stack. With BENCH_ASYNC_PROFILER set to async-profiler's
# libasyncProfiler.so (Maven Central: tools.profiler:async-profiler, the linux-x64 jar, unzipped), it is
# loaded into the service (jcmd JVMTI.agent_load) and samples CPU time every millisecond, threads outside
# Java included, into $work/NAME.collapsed (collapsed stacks: a flame graph tool reads them). Otherwise Java
# Flight Recorder into $work/NAME.jfr: its sampler takes few samples when the cores are busy (408 in 163 s
# of registrations, docs/benchmarks.md), so read its shares as rough.
jfr_start() {
  [[ "${profile:-no}" == no ]] && return 0
  if [[ -n "${BENCH_ASYNC_PROFILER:-}" ]]; then
    jcmd "$service_pid" JVMTI.agent_load "$BENCH_ASYNC_PROFILER" "\"start,event=cpu,interval=1ms\"" >/dev/null
  else
    jcmd "$service_pid" JFR.start name="$1" settings=profile >/dev/null
  fi
}
jfr_stop() {
  [[ "${profile:-no}" == no ]] && return 0
  if [[ -n "${BENCH_ASYNC_PROFILER:-}" ]]; then
    jcmd "$service_pid" JVMTI.agent_load "$BENCH_ASYNC_PROFILER" "\"stop,collapsed,file=$work/$1.collapsed\"" >/dev/null
    log "async-profiler: $work/$1.collapsed; frames most often on top of the stack (% of CPU samples):"
    awk '{ n = $NF; $NF = ""; k = split($0, f, ";"); sub(/[ \t]+$/, "", f[k]); top[f[k]] += n; total += n }
         END { for (m in top) printf "%6.1f %%  %s\n", 100 * top[m] / total, m }' "$work/$1.collapsed" | sort -rn | sed -n '1,20p'
    return 0
  fi
  jcmd "$service_pid" JFR.stop name="$1" filename="$work/$1.jfr" >/dev/null
  log "JFR: $work/$1.jfr; methods most often on top of the stack (% of execution samples):"
  jfr print --events jdk.ExecutionSample "$work/$1.jfr" \
    | awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); top[$0]++; n++ }
           END { for (m in top) printf "%6.1f %%  %s\n", 100 * top[m] / n, m }' | sort -rn | sed -n '1,20p'
}

# Measuring a phase. CPU time comes from /proc, because on a shared machine it says more than the latency
# does: the service's JVM (and of that its JIT compiler threads), every PostgreSQL process (backends, WAL
# writer, checkpointer, and through the postmaster's cutime/cstime the processes that ended meanwhile, e.g.
# autovacuum workers) and the Kafka broker. Before calling these, the script sets $service_pid (start_stack),
# $postmaster_pid, $kafka_pid (empty when there is none) and $hz (getconf CLK_TCK).

# ticks PID: the user and system CPU time of PID, in clock ticks (0 when it has gone).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# postgres_ticks: the ticks of every PostgreSQL process ($postmaster_pid, its children, the ones that ended).
postgres_ticks() {
  local total child
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster_pid/stat")
  for child in $(pgrep -P "$postmaster_pid"); do
    total=$((total + $(ticks "$child")))
  done
  echo "$total"
}
# jit_ticks: the ticks of the service's ($service_pid) JIT compiler threads: compiling, not serving.
jit_ticks() {
  local task total=0
  for task in /proc/"$service_pid"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler* | C2\ Compiler*) total=$((total + $(sed 's/.*) //' "$task/stat" | awk '{print $12 + $13}'))) ;;
    esac
  done
  echo "$total"
}
# cpu_snapshot: "SERVICE POSTGRESQL KAFKA JIT" ticks now ($service_pid, $postmaster_pid, $kafka_pid), for cpu_per_request.
cpu_snapshot() { echo "$(ticks "$service_pid") $(postgres_ticks) $( [[ -n "$kafka_pid" ]] && ticks "$kafka_pid" || echo 0) $(jit_ticks)"; }
# cpu_per_request BEFORE AFTER REQUESTS (two cpu_snapshot answers; needs $hz): "service S ms (JIT J ms),
# PostgreSQL P ms, Kafka K ms" per request
cpu_per_request() {
  awk -v b="$1" -v a="$2" -v hz="$hz" -v n="$3" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    printf "service %.2f ms (JIT compilers %.2f ms), PostgreSQL %.2f ms, Kafka %.2f ms", 1000 * (y[1] - x[1]) / hz / n,
      1000 * (y[4] - x[4]) / hz / n, 1000 * (y[2] - x[2]) / hz / n, 1000 * (y[3] - x[3]) / hz / n }'
}
# now_utc: the time in UTC, to the millisecond, as gc_during and autovacuum_during take it.
now_utc() { date -u +%Y-%m-%dT%H:%M:%S.%3N; }
# autovacuum_during FROM TO (now_utc times): the autovacuum runs PostgreSQL logged as finished in that time
# (or up to 2 s after it) in $repo/.local/logs/postgres.log, e.g. "analyze events.platform.outbox at
# 17:52:39.450", or "none" (the script turns that logging on: log_autovacuum_min_duration = 0)
autovacuum_during() {
  local until
  until="$(date -u -d "$(tr T ' ' <<<"$2") UTC + 2 seconds" +%Y-%m-%dT%H:%M:%S.%3N)"
  awk -v from="$(tr T ' ' <<<"$1")" -v to="$(tr T ' ' <<<"$until")" '
    /automatic (vacuum|analyze) of table/ {
      t = $1 " " $2
      if (t >= from && t <= to) {
        match($0, /automatic (vacuum|analyze) of table "[^"]*"/)
        what = substr($0, RSTART + 10, RLENGTH - 10); gsub(/ of table |"/, " ", what); gsub(/  +/, " ", what)
        out = out (out == "" ? "" : ", ") what "at " substr($2, 1, 12)
      }
    }
    END { print (out == "" ? "none" : out) }' "$repo/.local/logs/postgres.log" 2>/dev/null || echo "unknown"
}
# gc_during FROM TO (now_utc times): "N young pauses (X ms in all), M full (Y ms)" that the service's GC log
# ($gc_log, unified logging with UTC times: -Xlog:gc:file=$gc_log:utctime) records in that time.
gc_during() {
  awk -v from="$1" -v to="$2" '
    /Pause (Young|Full)/ {
      t = substr($1, 2, 23)
      if (t < from || t > to) next
      ms = $NF; sub(/ms$/, "", ms)
      if (/Pause Young/) { yc++; ys += ms } else { fc++; fs += ms }
    }
    END { printf "%d young pauses (%.0f ms in all), %d full (%.0f ms)", yc, ys, fc, fs }' "$gc_log" 2>/dev/null || echo "unknown"
}
# driver OUT_FILE ARGS...: the script's load driver (its function load, with ARGS) in the background into
# OUT_FILE (every answer into OUT_FILE without .txt, plus -answers.txt); takes the CPU snapshot cpu_before
# and the time measure_started_utc when the driver starts measuring (after its own warm-up: the line that
# matches the script's $measuring_line, a grep -E pattern), then shows the output. Its status.
driver() {
  local out="$1" pid status=0
  shift
  : >"$out"
  BENCH_ANSWERS="${out%.txt}-answers.txt" load "$@" >"$out" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && ! grep -qE "$measuring_line" "$out"; do sleep 0.05; done
  cpu_before="$(cpu_snapshot)"
  measure_started_utc="$(now_utc)"
  wait "$pid" || status=$?
  cat "$out"
  return "$status"
}
# await_outbox: until the relay has published every event of the service's database (the script's function
# sql runs a query there), at most 120 s; fails after that.
await_outbox() {
  local i
  for ((i = 0; i < 600; i++)); do
    [[ "$(sql 'select count(*) from platform.outbox where sent_at is null')" == 0 ]] && return 0
    sleep 0.2
  done
  log "The outbox still has unsent events after 120 s"
  return 1
}
# field NAME "RESULT ... NAME=value ...": the value of NAME in a line of the load driver.
field() { grep -o "$1=[^ ]*" <<<"$2" | cut -d= -f2; }
# met "BC CONDITION": met, or MISSED, as bc finds it.
met() { (($(echo "$1" | bc))) && echo met || echo MISSED; }
