# Shared by the benchmark scripts (sourced, not run): logging, building what is stale, starting and
# stopping the local stack with one service, and Java Flight Recorder profiles of that service.
# The sourcing script sets $repo and $work first, and $profile (yes/no) when it offers --profile.

log() { printf '[%(%H:%M:%S)T] %s\n' -1 "$*"; }
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

# start_stack SERVICE JVM_OPTS [--fresh]: the local stack with SERVICE only, in the background, logging
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
  service_pid="$(pgrep -f "$repo/$service/target/quarkus-app/quarkus-run.jar" | head -n1)"
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
