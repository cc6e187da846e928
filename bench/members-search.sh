#!/usr/bin/env bash
# Benchmark of members-service (issue 3): bulk import and list/search at 50,000 companies.
#
#   bench/members-search.sh [--keep-data] [--skip-build] [--wait] [--profile]
#
# What it does, from the repository root of this worktree (any current directory works):
#   1. builds members-service and the local stack launcher when their jars are missing or older than
#      the sources (--skip-build: never);
#   2. starts the local stack with members-service only (deploy/local/run --fresh --only members-service:
#      embedded PostgreSQL 17 on :55432, Kafka on :9092, the service on :8081; those ports must be free),
#      with production-like JVM flags (BENCH_JVM_OPTS, default "-Xms512m -Xmx512m -XX:+UseSerialGC
#      -XX:+ExitOnOutOfMemoryError": C2 on, unlike the local stack's C1-only default), and waits for
#      "Techtank local stack is ready"; --keep-data starts it without --fresh;
#   3. generates 50,000 companies (valid organisation numbers, Swedish names, 47 municipalities with
#      Blekinge at 40 %, SNI codes, employee counts) in files of 10,000 rows (bench/GenerateCompanies.java)
#      and imports them one file at a time through POST /api/v1/companies/import, printing each file's
#      time (target: at most 30 s for 10,000 rows), imports the first file again (every row UNCHANGED),
#      then waits until the outbox has published every event
#      and runs VACUUM ANALYZE (with psql, when installed), as autovacuum would shortly after a bulk load;
#      --keep-data skips this step when an earlier run's files and modifiedSince time are in .local/bench/;
#   4. runs a mix of list/search requests (q by name part and by organisation number, municipality, sni
#      prefix, sizeClass, modifiedSince, sorting by name and modifiedAt, different pages) with 20
#      concurrent clients (bench/SearchLoad.java with the lean client bench/BenchHttp.java and
#      bench/BenchLoad.java, compiled into .local/bench/classes, run with C1 only; BENCH_REQUESTS measured, default 20000, after BENCH_WARMUP, default 10000: a service runs warm for days, and JIT compilation of the search path was still a fifth of its CPU after 3,000) and prints p50, p99 and throughput (target: search p99 at most 50 ms),
#      the CPU time per request of the service and of PostgreSQL, then the latency at 1 client;
#   5. stops the stack (also on Ctrl-C or failure).
# --wait waits up to 30 minutes for another local stack to free the ports; --profile records the service
# with Java Flight Recorder during the measured search load (search.jfr) and prints the methods most often
# on top of the stack.
# Everything listens on 127.0.0.1 only. Generated files, logs and results go to .local/bench/ (git-ignored).
# Needs Java 17+, curl and bc; jq and psql are used when present.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo/.local/bench"
base="http://127.0.0.1:8081"
clients="${BENCH_CLIENTS:-20}"
requests="${BENCH_REQUESTS:-20000}"
warmup="${BENCH_WARMUP:-10000}"
rows="${BENCH_ROWS:-50000}"
rows_per_file="${BENCH_ROWS_PER_FILE:-10000}"
jvm_opts="${BENCH_JVM_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}"
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

mkdir -p "$work"
cd "$repo"

# 1. Build what is missing or stale.
[[ "$build" == never ]] || build_if_stale members-service

# 2. Start the local stack with members-service only.
wait_for_ports '8081|9092|9093|55432|2525' "$wait"
start_stack members-service "$jvm_opts" "${fresh[@]}"
token_file="$repo/.local/tokens/staff.jwt"
token="$(cat "$token_file")"
log "Stack ready"
machine

# 3. Generate and import the companies. With --keep-data and the files of an earlier import still in
#    $work, nothing is imported again: re-importing would leave every company UNCHANGED but move the
#    modifiedSince time past all of them, so that those searches found nothing and runs differed.
#    The database must still hold them: a --fresh local stack started in between empties it.
data="$work/data"
since_file="$work/modified-since.txt"
keep=no
if [[ ${#fresh[@]} -eq 0 && -f "$since_file" && -f "$data/search-urls.txt" ]]; then
  held="$(curl -sS --max-time 30 -H "Authorization: Bearer $token" "$base/api/v1/companies?size=1" \
    | grep -o '"totalItems":[0-9]*' | cut -d: -f2 || true)"
  if [[ "${held:-0}" -ge "$rows" ]]; then
    keep=yes
  else
    log "The database holds ${held:-0} companies, not $rows (a --fresh local stack in between?): importing them again"
  fi
fi
if [[ "$keep" == yes ]]; then
  since="$(cat "$since_file")"
  log "Keeping the imported companies (--keep-data); modifiedSince=$since from $since_file"
else
  rm -rf "$data"
  java bench/GenerateCompanies.java "$data" "$rows" "$rows_per_file" >/dev/null
  files=("$data"/companies-*.csv)
  log "Generated $rows companies in ${#files[@]} files of $rows_per_file rows"
  since=""
  import_times=()
  for f in "${files[@]}"; do
    if [[ "$f" == "${files[-1]}" ]]; then
      since="$(date -u +%Y-%m-%dT%H:%M:%SZ)" # modifiedSince searches then find the last file's companies
    fi
    result="$work/$(basename "$f" .csv)-result.json"
    read -r status seconds < <(curl -sS -o "$result" -w '%{http_code} %{time_total}\n' --max-time 300 \
      -H "Authorization: Bearer $token" -H 'Content-Type: text/csv; charset=UTF-8' \
      --data-binary @"$f" "$base/api/v1/companies/import")
    if [[ "$status" != 200 ]]; then
      echo "Import of $f answered $status:" >&2
      head -c 2000 "$result" >&2
      exit 1
    fi
    if command -v jq >/dev/null; then
      totals="$(jq -c .totals "$result")"
    else
      totals="$(grep -o '"totals":{[^}]*}' "$result")"
    fi
    import_times+=("$seconds")
    log "Imported $(basename "$f"): ${seconds} s, $totals"
  done
  log "Import times (s) per file of $rows_per_file rows: ${import_times[*]}"
  read -r status seconds < <(curl -sS -o "$work/reimport-result.json" -w '%{http_code} %{time_total}\n' --max-time 300 \
    -H "Authorization: Bearer $token" -H 'Content-Type: text/csv; charset=UTF-8' \
    --data-binary @"${files[0]}" "$base/api/v1/companies/import")
  log "Imported $(basename "${files[0]}") again: ${seconds} s (HTTP $status), $(grep -o '"totals":{[^}]*}' "$work/reimport-result.json")"

  log "Waiting for the outbox relay to publish every event"
  start=$(date +%s)
  for ((i = 0; i < 600; i++)); do
    unsent="$(curl -sS "http://127.0.0.1:8181/q/metrics" | awk '/^outbox_unsent_rows/ {print int($2)}' | head -n1)"
    [[ "$unsent" == 0 ]] && break
    sleep 1
  done
  log "Outbox drained (unsent: ${unsent:-?}) after $(($(date +%s) - start)) s more"
  if command -v psql >/dev/null; then
    PGPASSWORD=techtank psql -q -h 127.0.0.1 -p 55432 -U techtank -d members -c 'vacuum analyze company' \
      && log "VACUUM ANALYZE company done (what autovacuum does shortly after a bulk load)"
  fi
  echo "$since" >"$since_file"
fi

# 4. Search load. CPU seconds used by the service and its database connections during the measured run
#    are counted from /proc, because on a shared machine they say more than the latency does.
cpu_seconds() { # the summed user+system CPU time, in seconds, of the processes matching $1
  local total=0 pid
  for pid in $(pgrep -f "$1"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "scale=2; $total / $(getconf CLK_TCK)" | bc
}
service_pattern="$repo/members-service/target/quarkus-app/quarkus-run.jar"
database_pattern="postgres: techtank members 127.0.0.1"
urls="$data/search-urls.txt"
classes="$work/classes"
rm -rf "$classes"
javac -d "$classes" bench/BenchHttp.java bench/BenchLoad.java bench/SearchLoad.java
# The load driver runs with C1 only: it shares the two cores with the service (why: bench/BenchLoad.java).
search_load() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classes" SearchLoad "$@"; }
machine
log "Warm-up: $warmup requests at $clients clients"
search_load "$base" "$token_file" "$urls" "$clients" "$warmup" 0 "$since" >/dev/null
service_before=$(cpu_seconds "$service_pattern")
database_before=$(cpu_seconds "$database_pattern")
log "Search load: $clients clients, $requests requests (modifiedSince=$since)"
# The measuring JVM first sends $driver_warmup unmeasured requests of its own over the connections it then
# measures with, so that its own start-up, JIT compilation and new connections are not counted as the
# service's latency; their CPU time is in the figures below.
driver_warmup=1000
jfr_start search
search_load "$base" "$token_file" "$urls" "$clients" "$requests" "$driver_warmup" "$since" \
  | tee "$work/search-result.txt"
jfr_stop search
service_cpu=$(echo "$(cpu_seconds "$service_pattern") - $service_before" | bc)
database_cpu=$(echo "$(cpu_seconds "$database_pattern") - $database_before" | bc)
sent=$((requests + driver_warmup))
log "CPU per request: service $(echo "scale=2; 1000 * $service_cpu / $sent" | bc) ms, PostgreSQL $(echo "scale=2; 1000 * $database_cpu / $sent" | bc) ms ($service_cpu s and $database_cpu s for $sent requests)"
machine
log "Without queueing: 1 client, 2000 requests"
search_load "$base" "$token_file" "$urls" 1 2000 0 "$since" | tee "$work/search-result-1-client.txt" | grep -E '^(ALL|Throughput|RESULT)'
machine
log "Results in $work"
