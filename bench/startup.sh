#!/usr/bin/env bash
# Start time and memory of each service alone, as its container runs it.
#
#   bench/startup.sh [--appcds | --aot] [--steps] [--runs N] [--compare "JVM FLAGS"] [--keep-data] [--skip-build]
#                    [--wait] [SERVICE...]   (default: all four services)
#
# What it does, from the repository root of this worktree (any current directory works):
#   1. builds the services and the local stack launcher when their jars are missing or older than the
#      sources (--skip-build: never); with --appcds it checks that deploy/k8s/train-appcds has trained the
#      service's archive (<service>/src/main/jib/home/jboss/app-cds.jsa, where the image build takes it);
#   2. starts the local stack's infrastructure only (deploy/local/run --fresh --infra-only: PostgreSQL on
#      :55432, Kafka on :9092/:9093, SMTP on :2525; those ports and 8081-8084 must be free, --wait waits up to
#      30 minutes for them) and waits for "Techtank local stack is ready". --fresh empties the local stack's
#      databases and topics first, as the other benchmarks do: a service started on kept data first works off
#      whatever its consumers have not read yet (after bench/events-registration.sh, thousands of
#      registrations for notifications-service), and measures that instead of its start. --keep-data
#      starts without --fresh;
#   3. for each service, BENCH_RUNS (--runs, default 3) times: starts it alone from its directory as the image
#      does (cd target/quarkus-app; java <flags> -jar quarkus-run.jar; with --appcds from a copy of it in
#      .local/bench/startup/<service>-app with the image's file times and the archive, as in the image) with
#      the environment the local stack
#      gives it (DB_URL, DB_USER, DB_PASSWORD, KAFKA_BOOTSTRAP_SERVERS, SMTP_HOST/PORT, HTTP_PORT, ...) and
#      measures
#        - ready: from the exec to the first 200 of /q/health/ready on BENCH_HEALTH_PORT (default its management port,
#          the HTTP port + 100), polled every 50 ms, so ±50 ms;
#        - Quarkus' own "started in" (from its main method to listening: the rest is the JVM's start and
#          the class loading before main, and the first readiness checks);
#        - VmRSS (/proc/<pid>/status) when ready, and after a warm-up of BENCH_WARMUP (default 100) requests
#          of each kind: readiness, metrics, and a staff read of the service's main list (a token minted with
#          the committed local development key, openssl) — a service that has served its first requests —
#          right after it and again BENCH_SETTLE seconds (default 10) later, settled: what the pod keeps (the
#          image's JVM returns freed native memory every 5 s, -XX:TrimNativeHeapInterval=5000);
#        - classes loaded, and of them from a CDS archive (jcmd PerfCounter.print, after the warm-up), and the
#          CPU time (user + system) the JVM used until ready;
#      then stops it (SIGTERM) and prints the medians of the runs;
#   4. stops the infrastructure (also on Ctrl-C or failure).
# JVM flags: the image's (BENCH_JVM_OPTS, default: quarkus.jib.jvm-additional-arguments of the platform's
# META-INF/microprofile-config.properties, docs/images.md) plus what stands in for the container's limits on this machine (BENCH_CONTAINER_OPTS,
# default "-XX:MaxRAM=512m -XX:ActiveProcessorCount=2 -XX:+UseSerialGC": a 512 MiB, 2-CPU container, in which
# the JVM picks the serial collector itself); --appcds adds what the image's JAVA_TOOL_OPTIONS adds,
# "-XX:SharedArchiveFile=app-cds.jsa", and -Xshare:on, so that an archive that does not fit this JVM fails the
# start instead of being ignored.
# --aot runs the services on a JDK 25 (BENCH_AOT_JAVA_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64) with its
# ahead-of-time cache (JEP 483/514): for each service first a training run, as a measured run but not counted,
# with -XX:AOTMode=record -XX:AOTConfiguration=.local/bench/startup/<service>.aotconf; then
# -XX:AOTMode=create writes <service>.aot from it; the measured runs add -XX:AOTCache=<service>.aot. What an
# image on a Java 25 runtime would do with a cache trained in the release build; the images are JRE 17 today.
# --compare "FLAGS" measures other JVM flags against the image's: each service then runs 2 x N times, alternately
# with the image's flags and with FLAGS instead of them (BENCH_CONTAINER_OPTS applies to both; with --appcds the
# image's set has the archive and FLAGS has what FLAGS says, so --appcds --compare "$(deploy/k8s/image-jvm-flags)"
# measures the archive's gain on the same files),
# and the medians are printed for each. The machine's speed drifts within minutes, so a comparison of two series
# run one after the other can show a difference that is not there; interleaved runs share the drift.
# --steps adds -Dquarkus.debug.print-startup-times=true and prints the ten slowest start-up steps of each
# service's last run (what the time is spent on; the printing itself costs a little, so measure without it).
# The 1-minute load average is printed with each run: on a shared machine the wall times are upper bounds,
# the CPU time until ready says more.
# Everything listens on 127.0.0.1 only. Logs go to .local/bench/startup/ (git-ignored).
# Needs Java 17+ (a JDK: jcmd), curl and openssl.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo/.local/bench/startup"
runs="${BENCH_RUNS:-3}"
warmup="${BENCH_WARMUP:-100}"
settle="${BENCH_SETTLE:-10}"
# The image's JVM flags, as jib takes them from the platform's configuration.
image_opts="$("$repo/deploy/k8s/image-jvm-flags")"
jvm_opts="${BENCH_JVM_OPTS:-$image_opts}"
appcds=no
aot=no
aot_java_home="${BENCH_AOT_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
steps=no
compare_opts=""
build=auto
wait=no
fresh=(--fresh)
services=()
while (($#)); do
  case "$1" in
    --appcds) appcds=yes ;;
    --aot) aot=yes ;;
    --steps) steps=yes ;;
    --runs) runs="$2"; shift ;;
    --compare) compare_opts="$2"; shift ;;
    --skip-build) build=never ;;
    --keep-data) fresh=() ;;
    --wait) wait=yes ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
    *) services+=("$1") ;;
  esac
  shift
done
((${#services[@]})) || services=(members-service events-service programmes-service notifications-service)

cd "$repo"
mkdir -p "$work"
# shellcheck source=bench/lib.sh
source "$repo/bench/lib.sh"
# shellcheck source=deploy/local/service-jar.sh
source "$repo/deploy/local/service-jar.sh"
container_opts="${BENCH_CONTAINER_OPTS:-$container_jvm_opts}"

for service in "${services[@]}"; do
  [[ -n "${service_http_port[$service]:-}" ]] || { echo "Unknown service: $service" >&2; exit 2; }
  if [[ "$build" == auto ]]; then build_if_stale "$service"; fi
  if [[ "$appcds" == yes && ! -f "$service/src/main/jib/home/jboss/app-cds.jsa" ]]; then
    echo "No $service/src/main/jib/home/jboss/app-cds.jsa: run deploy/k8s/train-appcds $service first." >&2
    exit 1
  fi
done
[[ "$appcds" == yes && "$aot" == yes ]] && { echo "--appcds and --aot exclude each other" >&2; exit 2; }
[[ -n "$compare_opts" && "$aot" == yes ]] && { echo "--compare and --aot exclude each other" >&2; exit 2; }
total_runs=$runs
[[ -n "$compare_opts" ]] && total_runs=$((runs * 2))
java_bin=java
jcmd_bin=jcmd
if [[ "$aot" == yes ]]; then
  java_bin="$aot_java_home/bin/java"
  jcmd_bin="$aot_java_home/bin/jcmd"
  "$java_bin" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCache ' \
    || { echo "--aot needs a JDK 25 or later at BENCH_AOT_JAVA_HOME ($aot_java_home)" >&2; exit 1; }
fi
extra_opts=""
# The image's set only (see --compare).
archive_opts=""
[[ "$appcds" == yes ]] && archive_opts="-XX:SharedArchiveFile=app-cds.jsa -Xshare:on"
[[ "$steps" == yes ]] && extra_opts="$extra_opts -Dquarkus.debug.print-startup-times=true"

token="$(staff_token)"

wait_for_ports '8081|8082|8083|8084|8181|8182|8183|8184|9092|9093|55432|2525' "$wait"
machine
log "JVM flags: $jvm_opts $archive_opts $container_opts $extra_opts$([[ "$aot" == yes ]] && echo " -XX:AOTCache=<service>.aot ($java_bin)")"
# The infrastructure only (start_stack starts services too); stopped on exit, after a service still running.
log "Starting the local stack's infrastructure (deploy/local/run ${fresh[*]} --infra-only); log: $work/stack.log"
service_pid=""
stop_all() {
  [[ -n "$service_pid" ]] && kill -TERM "$service_pid" 2>/dev/null && wait "$service_pid" 2>/dev/null
  service_pid=""
  stop_infra
}
trap stop_all EXIT
trap 'exit 130' INT TERM # so that the EXIT trap runs
start_infra "$work/stack.log" "${fresh[@]}"
hz=$(getconf CLK_TCK)

rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

summary=()
for service in "${services[@]}"; do
  port="${service_http_port[$service]}"
  app="$service/target/quarkus-app"
  if [[ "$appcds" == yes ]]; then
    # What the image holds: the build's files with jib's times (the epoch), and the trained archive.
    app="$work/$service-app"
    image_files "$service" "$app"
    cp "$service/src/main/jib/home/jboss/app-cds.jsa" "$app/app-cds.jsa"
  fi
  health_port="${BENCH_HEALTH_PORT:-$((port + 100))}"
  results="$work/$service.txt"
  : >"$results"
  aot_conf="$work/$service.aotconf"
  aot_cache="$work/$service.aot"
  first=1
  if [[ "$aot" == yes ]]; then first=0; rm -f "$aot_conf" "$aot_cache"; fi
  for ((run = first; run <= total_runs; run++)); do
    service_log="$work/$service-$run.log"
    # With --compare, every second run takes the other flags.
    flags="image"
    opts="$jvm_opts $archive_opts"
    if [[ -n "$compare_opts" ]] && ((run % 2 == 0)); then flags="compare"; opts="$compare_opts"; fi
    run_opts="$extra_opts"
    if [[ "$aot" == yes ]]; then
      if ((run == 0)); then
        run_opts="$run_opts -XX:AOTMode=record -XX:AOTConfiguration=$aot_conf"
      else
        run_opts="$run_opts -XX:AOTCache=$aot_cache"
      fi
    fi
    started=$(date +%s%N)
    # shellcheck disable=SC2086,SC2046 # the flags and the environment are words
    (cd "$app" && exec env $(service_env "$service" "$port" "$health_port") \
      "$java_bin" $opts $container_opts $run_opts -jar quarkus-run.jar >"$service_log" 2>&1) &
    service_pid=$!
    until [[ "$(http_status "http://127.0.0.1:$health_port/q/health/ready")" == 200 ]]; do
      if ! kill -0 "$service_pid" 2>/dev/null; then
        tail -n 30 "$service_log" >&2
        echo "$service exited before it was ready." >&2
        exit 1
      fi
      if (($(date +%s%N) - started > 120000000000)); then echo "$service not ready after 120 s" >&2; exit 1; fi
      sleep 0.05
    done
    ready_ms=$((($(date +%s%N) - started) / 1000000))
    cpu_ms=$(($(ticks "$service_pid") * 1000 / hz))
    rss_ready=$(rss_mb "$service_pid")
    quarkus_s="$(grep -oE 'started in [0-9.]+s' "$service_log" | grep -oE '[0-9.]+' | head -n1)"
    for ((i = 0; i < warmup; i++)); do
      http_status "http://127.0.0.1:$health_port/q/health/ready" >/dev/null
      http_status "http://127.0.0.1:$health_port/q/metrics" >/dev/null
      http_status -H "Authorization: Bearer $token" "http://127.0.0.1:$port${service_main_list[$service]}" >/dev/null
    done
    list_status="$(http_status -H "Authorization: Bearer $token" "http://127.0.0.1:$port${service_main_list[$service]}")"
    rss_warm=$(rss_mb "$service_pid")
    sleep "$settle"
    rss_settled=$(rss_mb "$service_pid")
    threads=$(awk '/^Threads:/ {print $2}' "/proc/$service_pid/status")
    # Classes loaded from class files, and from a CDS archive (the JDK's own, and app-cds.jsa with --appcds).
    counters="$("$jcmd_bin" "$service_pid" PerfCounter.print 2>/dev/null || true)"
    classes="$(awk -F= '/^java.cls.loadedClasses=/ {print $2}' <<<"$counters")"
    shared="$(awk -F= '/^java.cls.sharedLoadedClasses=/ {print $2}' <<<"$counters")"
    kill -TERM "$service_pid"
    wait "$service_pid" 2>/dev/null || true
    service_pid=""
    if ((run == 0)); then
      log "$service training run (not counted): ready ${ready_ms} ms; writing $aot_cache"
      # shellcheck disable=SC2086 # the flags are words
      (cd "$app" && "$java_bin" $jvm_opts $container_opts -XX:AOTMode=create \
        -XX:AOTConfiguration="$aot_conf" -XX:AOTCache="$aot_cache" -jar quarkus-run.jar >"$work/$service-aot.log" 2>&1) \
        || { tail -n 20 "$work/$service-aot.log" >&2; echo "Could not create the AOT cache of $service" >&2; exit 1; }
      continue
    fi
    printf '%s %s %s %s %s %s %s %s %s\n' "$ready_ms" "$quarkus_s" "$rss_ready" "$rss_warm" "$cpu_ms" "${classes:-0}" "${shared:-0}" \
      "$rss_settled" "$flags" >>"$results"
    log "$service run $run$([[ -n "$compare_opts" ]] && echo " ($flags flags)") (load $(cut -d' ' -f1 /proc/loadavg)): ready ${ready_ms} ms (Quarkus: started in ${quarkus_s} s), CPU until ready ${cpu_ms} ms," \
      "RSS ready ${rss_ready} MB, after warm-up ${rss_warm} MB, settled ${rss_settled} MB (list: $list_status), classes ${classes:-?} (from CDS ${shared:-?}), threads $threads"
  done
  if [[ "$steps" == yes ]]; then
    log "$service: the slowest start-up steps of run $total_runs (ms):"
    grep -oE 'Build step [^ ]+ completed in: [0-9]+ms' "$service_log" | awk '{sub(/ms$/, "", $NF); print $NF, $3}' \
      | sort -rn | head -n 10 | sed 's/^/  /'
  fi
  for flags in image $([[ -n "$compare_opts" ]] && echo compare); do
    # column N of this set's runs
    col() { awk -v f="$flags" -v n="$1" '$9 == f {print $n}' "$results" | median; }
    label="$service"
    [[ -n "$compare_opts" ]] && label="$service ($flags)"
    summary+=("$(printf '%-32s ready %5s ms  started in %5s s  RSS ready %4s MB  warm %4s MB  settled %4s MB  CPU %5s ms  classes %s (CDS %s)' \
      "$label" "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)" "$(col 8)" "$(col 5)" "$(col 6)" "$(col 7)")")
  done
done

mode="without AppCDS"
[[ "$appcds" == yes ]] && mode="with the trained AppCDS archive"
[[ "$aot" == yes ]] && mode="JDK 25 with its AOT cache"
[[ -n "$compare_opts" ]] && mode="$mode; image = $jvm_opts; compare = $compare_opts"
log "Medians of $runs runs$([[ -n "$compare_opts" ]] && echo " each") ($mode; targets: ready <= 3000 ms, RSS <= 250 MB):"
printf '  %s\n' "${summary[@]}"
