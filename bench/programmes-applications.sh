#!/usr/bin/env bash
# Benchmark of programmes-service applications: submissions with Idempotency-Key retries, seats under
# concurrent approval, the public programme catalogue, the recommendations, and the database's own ceiling
# for a submission.
#
#   bench/programmes-applications.sh [--keep-data] [--skip-build] [--wait] [--profile]
#
# What it does, from the repository root of this worktree (any current directory works):
#   1. builds programmes-service and the local stack launcher when their jars are missing or older than the
#      sources (--skip-build: never);
#   2. starts the local stack with programmes-service only (deploy/local/run --fresh --only programmes-service:
#      embedded PostgreSQL 17 on :55432, Kafka on :9092, the service on :8083; those ports must be free,
#      --wait waits up to 30 minutes for them), with production-like JVM flags (BENCH_JVM_OPTS, default
#      "-Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"); --keep-data starts it without --fresh
#      (the companies are then loaded again only if the read model has fewer than BENCH_COMPANIES);
#   3. puts BENCH_COMPANIES (default 50000) companies straight into programmes' company read model (the
#      table the service reads; it is projected from members.company.v1, but writing them through
#      members-service would need that service and its projection running too, and it is the table, not the
#      way it was filled, that submissions and recommendations read): one INSERT ... SELECT generate_series,
#      organisation numbers 559NNN-NNNC with a valid check digit (the API checks it), municipalities of Blekinge
#      (1060, 1080-1083) and some of Skåne (1280, 1281, 1283), 1-240 employees, SNI section C, mostly ACTIVE
#      members, two needs each (one of priority 3-5); then ANALYZE;
#   4. creates, as staff, BENCH_PROGRAMMES (20) published programmes (1-3 focus areas, eligibility
#      maxEmployees 249, which every generated company passes), each with an intake open now, for the
#      catalogue and the recommendations; and, on the first programme, the intakes of the runs below;
#   5. submissions: warm-up passes of BENCH_WARMUP (10000) applications, each to an intake of its own, until
#      one costs the service's JIT compilers under BENCH_WARMUP_JIT_MS (0.05) ms of CPU per application, at
#      most BENCH_WARMUP_PASSES (4); then BENCH_SUBMISSIONS (2000) applications from BENCH_CLIENTS (20)
#      clients to another intake, each for a company
#      of its own, with an Idempotency-Key of its own; every BENCH_RETRY_EVERY-th (10th) is sent again by the
#      same client with the same key and body (a replay: counted as a request; it must answer 201 with the
#      same application, and a sample of 20 is sent once more afterwards to check Idempotent-Replayed: true);
#      the driver first sends BENCH_DRIVER_WARMUP (500) unmeasured applications to a third intake over the
#      same connections (bench/ApplicationLoad.java submit). Prints p50, p99, throughput, the CPU per
#      request of the service, PostgreSQL and Kafka (until the outbox relay has published every event), and
#      checks that the intake has exactly BENCH_SUBMISSIONS applications (PASS/FAIL);
#   6. the database's ceiling: pgbench -n -M prepared -c 8 -j 2 -T 20 (BENCH_PGBENCH_CLIENTS,
#      BENCH_PGBENCH_SECONDS) running bench/application-transaction.sql (the application with its rules'
#      results, its history row and the outbox event of one submission, in one transaction) against the
#      programmes database for an intake of its own, while the service's JVM is paused (SIGSTOP); pgbench's
#      rows are deleted again before the service continues (its relay would otherwise publish them). Prints
#      the service's submissions/s as a ratio of pgbench's transactions/s;
#   7. the approval race: an intake of BENCH_SEATS (150) seats with BENCH_APPROVALS (400) SUBMITTED
#      applications (submitted first, not measured), then all of them approved at once from
#      BENCH_APPROVE_CLIENTS (50) clients; checks that exactly 150 answered 200 and 250 answered 409 with a
#      type ending /intake-full, and in the database that seats_taken is 150 and 150 applications are
#      APPROVED (PASS/FAIL);
#   8. the catalogue: anonymous GET /api/v1/programmes (no filter pages 0 and 1, focusArea, county=10,
#      openIntake=true, q) at BENCH_LIST_CLIENTS (50) clients, BENCH_LIST_REQUESTS (40000) measured after
#      BENCH_LIST_WARMUP (10000) unmeasured, twice (a pass of its own, then in the measuring driver);
#   9. the recommendations: GET /api/v1/recommendations?companyId=... as staff over BENCH_REC_COMPANIES
#      (5000) companies at BENCH_REC_CLIENTS (20) clients, BENCH_REC_REQUESTS (10000) measured after
#      BENCH_REC_WARMUP (5000) unmeasured, likewise;
#  10. prints a summary against the targets (submission throughput at least 0.5 x the ceiling and p99 at most
#      100 ms; approvals exactly BENCH_SEATS; catalogue p99 at most 30 ms; recommendations p99 at most 50 ms)
#      and stops the stack (also on Ctrl-C or failure).
# For each measured phase it prints the service's garbage-collection pauses (service-gc.log) and the
# autovacuum runs PostgreSQL logged meanwhile; every answer of a measured phase is in NAME-answers.txt
# ("sent at, in µs from the start; latency in µs; outcome").
# --profile profiles the service during the submissions and the catalogue (as bench/events-registration.sh).
# Everything listens on 127.0.0.1 only. Logs and results go to .local/bench/programmes/ (git-ignored).
# Needs Java 17+ (a JDK), curl, bc, psql and pgbench (Debian: postgresql-client).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$repo/.local/bench/programmes"
base="http://127.0.0.1:8083"
companies="${BENCH_COMPANIES:-50000}"
programmes="${BENCH_PROGRAMMES:-20}"
clients="${BENCH_CLIENTS:-20}"
submissions="${BENCH_SUBMISSIONS:-2000}"
retry_every="${BENCH_RETRY_EVERY:-10}"
warmup="${BENCH_WARMUP:-10000}"
driver_warmup="${BENCH_DRIVER_WARMUP:-500}"
warm_passes="${BENCH_WARMUP_PASSES:-4}"
warm_jit_ms="${BENCH_WARMUP_JIT_MS:-0.05}"
seats="${BENCH_SEATS:-150}"
approvals="${BENCH_APPROVALS:-400}"
approve_clients="${BENCH_APPROVE_CLIENTS:-50}"
list_clients="${BENCH_LIST_CLIENTS:-50}"
list_requests="${BENCH_LIST_REQUESTS:-40000}"
list_warmup="${BENCH_LIST_WARMUP:-10000}"
rec_clients="${BENCH_REC_CLIENTS:-20}"
rec_requests="${BENCH_REC_REQUESTS:-10000}"
rec_warmup="${BENCH_REC_WARMUP:-5000}"
rec_companies="${BENCH_REC_COMPANIES:-5000}"
pgbench_clients="${BENCH_PGBENCH_CLIENTS:-8}"
pgbench_seconds="${BENCH_PGBENCH_SECONDS:-20}"
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
needed=$((warmup > submissions + driver_warmup ? warmup : submissions + driver_warmup))
((needed < approvals)) && needed=$approvals
if ((companies < needed)); then
  echo "BENCH_COMPANIES ($companies) must be at least $needed (the warm-up, or the submissions and the driver's warm-up, or the approvals)." >&2
  exit 2
fi

source "$repo/bench/lib.sh"
need_tools curl bc psql pgbench javac

mkdir -p "$work"
cd "$repo"
export PGPASSWORD=techtank
sql() { sql_in programmes "$1"; }

# 1. Build what is missing or stale; compile the load driver once.
[[ "$build" == never ]] || build_if_stale programmes-service
classes="$work/classes"
rm -rf "$classes"
javac -d "$classes" bench/BenchHttp.java bench/BenchLoad.java bench/ApplicationLoad.java
# The load driver runs with C1 only: it shares the two cores with the service (why: bench/BenchLoad.java).
load() { java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classes" ApplicationLoad "$@"; }
# What it prints when it starts measuring, after its own warm-up (for driver, in bench/lib.sh).
measuring_line='^(Submissions|Approvals|Reading): '

# 2. Start the local stack with programmes-service only.
wait_for_ports '8083|9092|9093|55432' "$wait"
gc_log="$work/service-gc.log"
rm -f "$gc_log"
start_stack programmes-service "$jvm_opts -Xlog:gc:file=$gc_log:utctime" "${fresh[@]}"
token_file="$repo/.local/tokens/staff.jwt"
postmaster_pid="$(head -n1 "$repo/.local/postgres/postmaster.pid")"
kafka_pid="$(pgrep -f "kafka\.Kafka .*$repo/" | head -n1 || true)"
log "Stack ready (service pid $service_pid, PostgreSQL $postmaster_pid, Kafka ${kafka_pid:-?})"
psql -X -q -At -h 127.0.0.1 -p 55432 -U postgres -d postgres \
  -c "alter system set log_autovacuum_min_duration = 0" -c "select pg_reload_conf()" >/dev/null \
  || log "Could not turn on autovacuum logging (PostgreSQL's superuser postgres)"
log "PostgreSQL $(sql 'show server_version'): fsync $(sql 'show fsync'), synchronous_commit $(sql 'show synchronous_commit'), shared_buffers $(sql 'show shared_buffers'); commit $(git rev-parse --short HEAD)$([[ -z "$(git status --porcelain)" ]] || echo ' (with uncommitted changes)')"
machine

# Measuring a phase (CPU time from /proc, GC pauses, autovacuum runs), driver, await_outbox, field and met
# are in bench/lib.sh; cpu_per_request there reads $hz, the clock ticks per second.
hz=$(getconf CLK_TCK)

# 3. The companies, straight into the read model.
have="$(sql "select count(*) from company where name like 'Bench %'")"
if ((have < companies)); then
  log "Loading $companies companies into the company read model (psql; members-service is not running)"
  sql "delete from company where name like 'Bench %'"
  sql "insert into company (id, organisation_number, name, municipality_code, in_blekinge, state_as_of, updated_at,
                            membership_status, number_of_employees, size_class, primary_sni, sni_section, needs)
       select md5('bench-company-' || n)::uuid,
              substr(p.digits, 1, 6) || '-' || substr(p.digits, 7, 3) || l.check_digit,
              'Bench Verkstad ' || n || ' AB',
              m.code, m.code like '10%', now() - interval '1 day', now(),
              case when n % 20 = 0 then 'APPLIED' when n % 20 = 1 then 'TERMINATED' else 'ACTIVE' end,
              1 + n % 240,
              case when 1 + n % 240 < 10 then 'MICRO' when 1 + n % 240 < 50 then 'SMALL' else 'MEDIUM' end,
              (array['25.110', '25.620', '28.410', '22.290', '16.230', '33.120'])[1 + n % 6], 'C',
              jsonb_build_array(
                jsonb_build_object('focusArea', fa.a[1 + n % 8], 'priority', 3 + n % 3, 'assessedOn', '2026-10-01'),
                jsonb_build_object('focusArea', fa.a[1 + (n / 8 + 3) % 8], 'priority', 1 + n % 5, 'assessedOn', '2026-09-15'))
       from generate_series(1, $companies) n
       cross join lateral (select '559' || lpad(n::text, 6, '0') as digits) p
       cross join lateral (
         select ((10 - sum(case when k % 2 = 1 then (2 * d) / 10 + (2 * d) % 10 else d end) % 10) % 10)::text as check_digit
         from (select k, substr(p.digits, k, 1)::int as d from generate_series(1, 9) k) x) l
       cross join lateral (select (array['1060', '1080', '1081', '1082', '1083', '1080', '1082', '1280', '1281', '1283'])[1 + n % 10] as code) m
       cross join (select array['DIGITALISATION', 'AUTOMATION', 'SUSTAINABILITY', 'INNOVATION', 'SMART_MATERIALS',
                                'NEW_MARKETS', 'COMPETENCE_DEVELOPMENT', 'COMPETENCE_SUPPLY'] as a) fa"
  sql "analyze company"
fi
# The companies in a fixed shuffled order: "<id>\t<organisation number>" lines for the load driver.
psql -X -q -At -F $'\t' -v ON_ERROR_STOP=1 -h 127.0.0.1 -p 55432 -U techtank -d programmes \
  -c "select id, organisation_number from company where name like 'Bench %' order by md5(id::text)" >"$work/companies.txt"
log "Company read model: $(sql 'select count(*) from company') companies ($(wc -l <"$work/companies.txt") generated)"

# 4. Programmes for the catalogue and the recommendations, and the intakes of the runs.
log "Creating $programmes published programmes with an open intake each"
first_programme="$(load programmes "$base" "$token_file" "$programmes" "$work/catalogue-urls.txt")"
intake() { load intake "$base" "$token_file" "$first_programme" "$1" "$2"; } # intake SEATS NAME: its id

# 5. Submissions.
machine
# Passes until one costs the JIT compilers under BENCH_WARMUP_JIT_MS of CPU per application (at most
# BENCH_WARMUP_PASSES), each to an intake of its own, so that the same companies can apply again. Passes of
# 2,000 left the compilers 0.5 ms per application even after twelve: C2 compiles a method after thousands
# of calls, and a submission runs a large working set once or less per request (docs/benchmarks.md).
for ((pass = 1; pass <= warm_passes; pass++)); do
  warm_intake="$(intake 10000 "Benchmark: warm-up $pass")"
  log "Warm-up pass $pass: $warmup applications at $clients clients to intake $warm_intake"
  jit_then=$(jit_ticks)
  load submit "$base" "$token_file" "$warm_intake" "$work/companies.txt" "$clients" "$warmup" "$retry_every" 0 \
    >"$work/warmup.txt" 2>&1 || log "The warm-up reported failed requests (see $work/warmup.txt)"
  grep -E '^(ALL|Throughput|Status|Replays)' "$work/warmup.txt" || true
  pass_jit="$(awk -v t="$(($(jit_ticks) - jit_then))" -v hz="$hz" -v n="$warmup" 'BEGIN { printf "%.4f", 1000 * t / hz / n }')"
  log "Warm-up pass $pass: JIT compilers $pass_jit ms of CPU per application"
  (($(echo "$pass_jit < $warm_jit_ms" | bc))) && break
done
await_outbox || true
submit_intake="$(intake 10000 "Benchmark: submissions")"
driver_intake="$(intake 10000 "Benchmark: the load driver's warm-up")"
log "Submissions: $submissions applications (every ${retry_every}th replayed) at $clients clients to intake $submit_intake"
jfr_start submissions
submit_status=0
driver "$work/submissions.txt" submit "$base" "$token_file" "$submit_intake" "$work/companies.txt" "$clients" \
  "$submissions" "$retry_every" 0 "$driver_intake" "$driver_warmup" || submit_status=$?
submit_ended_utc="$(now_utc)"
jfr_stop submissions
((submit_status == 0)) || log "The load driver reported failed requests or wrong replays (see $work/submissions.txt)"
submit_gc="$(gc_during "$measure_started_utc" "$submit_ended_utc")"
log "GC during the submissions: $submit_gc; autovacuum: $(autovacuum_during "$measure_started_utc" "$submit_ended_utc")"
submit_result="$(grep '^RESULT' "$work/submissions.txt" || echo RESULT)"
replay_check="$(field replays "$(grep '^CHECK' "$work/submissions.txt" || echo CHECK)")"
await_outbox || true # the relay's work for these applications counts too
submit_requests=$((submissions + (retry_every > 0 ? submissions / retry_every : 0)))
submit_cpu="$(cpu_per_request "$cpu_before" "$(cpu_snapshot)" "$submit_requests")"
log "CPU per submission request ($submit_requests requests, replays included): $submit_cpu"
submitted="$(sql "select count(*) || ' ' || count(distinct organisation_number) from application where intake_id = '$submit_intake' and status = 'SUBMITTED'")"
submit_check="$([[ "$submitted" == "$submissions $submissions" && "${replay_check:-FAIL}" == PASS && $submit_status == 0 ]] && echo PASS || echo FAIL)"
log "Check (submissions): applications / distinct companies in the intake = $submitted (want $submissions $submissions); replays: ${replay_check:-?}: $submit_check"

# 6. The database's own ceiling: pgbench with the submission's transaction, the service paused.
machine
await_outbox || true
bench_intake="$(intake 10000 "Benchmark: pgbench")"
log "pgbench: $pgbench_clients clients, $pgbench_seconds s, bench/application-transaction.sql, intake $bench_intake; programmes-service paused (SIGSTOP)"
kill -STOP "$service_pid"
before="$(cpu_snapshot)"
pgbench_status=0
pgbench -n -M prepared -c "$pgbench_clients" -j 2 -T "$pgbench_seconds" -D intake="$bench_intake" \
  -D programme="$first_programme" -D n=0 -f bench/application-transaction.sql \
  -h 127.0.0.1 -p 55432 -U techtank programmes >"$work/pgbench.txt" 2>&1 || pgbench_status=$?
sleep 1 # pgbench's backends end after it: once the postmaster has reaped them, their CPU is in its cutime
after="$(cpu_snapshot)"
cat "$work/pgbench.txt"
tps="$(sed -nE 's/^tps = ([0-9.]+) \(without initial connection time\).*/\1/p' "$work/pgbench.txt")"
transactions="$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' "$work/pgbench.txt")"
pgbench_cpu="$(cpu_per_request "$before" "$after" "${transactions:-1}")"
log "pgbench (exit $pgbench_status): ${tps:-?} transactions/s, ${transactions:-?} transactions, $(sql "select count(*) from application where intake_id = '$bench_intake'") applications; CPU per transaction: $pgbench_cpu"
sql "delete from platform.outbox where aggregate_id in (select id::text from application where intake_id = '$bench_intake');
     delete from application_transition where application_id in (select id from application where intake_id = '$bench_intake');
     delete from application where intake_id = '$bench_intake'"
kill -CONT "$service_pid"
log "pgbench's rows deleted, programmes-service continued"

# 7. The approval race.
machine
race_intake="$(intake "$seats" "Benchmark: $seats seats")"
log "Approval race: $approvals applications to intake $race_intake of $seats seats (not measured)"
load submit "$base" "$token_file" "$race_intake" "$work/companies.txt" 10 "$approvals" 0 0 >"$work/race-submit.txt" 2>&1 \
  || { tail -n 20 "$work/race-submit.txt"; log "Some of the race's applications failed"; }
sql "select id from application where intake_id = '$race_intake' and status = 'SUBMITTED' order by md5(id::text)" >"$work/race-ids.txt"
log "Approving all $(wc -l <"$work/race-ids.txt") at once from $approve_clients clients"
driver "$work/approvals.txt" approve "$base" "$token_file" "$work/race-ids.txt" "$approve_clients" || true
race_line="$(grep '^APPROVALS' "$work/approvals.txt" || echo APPROVALS)"
race_result="$(grep '^RESULT' "$work/approvals.txt" || echo RESULT)"
race_db="$(sql "select (select seats_taken from intake where id = '$race_intake') || ' '
                || count(*) filter (where status = 'APPROVED') || ' ' || count(*) filter (where status = 'SUBMITTED')
                from application where intake_id = '$race_intake'")"
want_api="$seats $((approvals - seats)) 0"
want_db="$seats $seats $((approvals - seats))"
got_api="$(field approved "$race_line") $(field full "$race_line") $(field other "$race_line")"
race_check="$([[ "$got_api" == "$want_api" && "$race_db" == "$want_db" ]] && echo PASS || echo FAIL)"
log "Check (approvals): answers approved/intake-full/other = $got_api (want $want_api); database seats_taken/APPROVED/SUBMITTED = $race_db (want $want_db): $race_check"
await_outbox || true

# 8. The catalogue.
machine
log "Catalogue: a warm-up pass of $list_warmup requests, then $list_requests at $list_clients clients"
BENCH_TARGET_MS=30 load get "$base" "$work/catalogue-urls.txt" "$list_clients" "$list_warmup" 0 >/dev/null 2>&1 || true
jfr_start catalogue
BENCH_TARGET_MS=30 driver "$work/catalogue.txt" get "$base" "$work/catalogue-urls.txt" "$list_clients" "$list_requests" \
  "$list_warmup" || log "Some catalogue requests failed (see $work/catalogue.txt)"
list_ended_utc="$(now_utc)"
list_cpu="$(cpu_per_request "$cpu_before" "$(cpu_snapshot)" "$list_requests")"
jfr_stop catalogue
list_gc="$(gc_during "$measure_started_utc" "$list_ended_utc")"
log "GC during the catalogue: $list_gc; autovacuum: $(autovacuum_during "$measure_started_utc" "$list_ended_utc"); CPU per request: $list_cpu"
list_result="$(grep '^RESULT' "$work/catalogue.txt" || echo RESULT)"

# 9. The recommendations.
machine
sql "select 'recommendations' || chr(9) || '/api/v1/recommendations?companyId=' || id from company
     where name like 'Bench %' order by md5(id::text || 'r') limit $rec_companies" >"$work/recommendation-urls.txt"
log "Recommendations: over $(wc -l <"$work/recommendation-urls.txt") companies, a warm-up pass of $rec_warmup requests, then $rec_requests at $rec_clients clients"
BENCH_TARGET_MS=50 load get "$base" "$work/recommendation-urls.txt" "$rec_clients" "$rec_warmup" 0 "$token_file" >/dev/null 2>&1 || true
BENCH_TARGET_MS=50 driver "$work/recommendations.txt" get "$base" "$work/recommendation-urls.txt" "$rec_clients" \
  "$rec_requests" "$rec_warmup" "$token_file" || log "Some recommendation requests failed (see $work/recommendations.txt)"
rec_ended_utc="$(now_utc)"
rec_cpu="$(cpu_per_request "$cpu_before" "$(cpu_snapshot)" "$rec_requests")"
rec_gc="$(gc_during "$measure_started_utc" "$rec_ended_utc")"
log "GC during the recommendations: $rec_gc; autovacuum: $(autovacuum_during "$measure_started_utc" "$rec_ended_utc"); CPU per request: $rec_cpu"
rec_result="$(grep '^RESULT' "$work/recommendations.txt" || echo RESULT)"

# 10. Summary.
machine
submit_rps="$(field throughput_rps "$submit_result")"
submit_p99="$(field p99_ms "$submit_result")"
ratio="$(awk -v s="${submit_rps:-0}" -v t="${tps:-0}" 'BEGIN { printf "%.2f", (t > 0 ? s / t : 0) }')"
list_p99="$(field p99_ms "$list_result")"
rec_p99="$(field p99_ms "$rec_result")"
{
  echo "SUMMARY programmes-service applications, $companies companies in the read model, $programmes programmes (JVM: $jvm_opts)"
  echo "  submissions, $clients clients, $submissions applications + $((submit_requests - submissions)) replays: p50 $(field p50_ms "$submit_result") ms, p99 ${submit_p99:-?} ms, ${submit_rps:-?} requests/s; CPU per request: $submit_cpu; GC: $submit_gc"
  echo "    $submissions applications in the intake, replays answered with the first answer: $submit_check"
  echo "  pgbench ceiling ($pgbench_clients clients, $pgbench_seconds s, exit $pgbench_status): ${tps%.*} transactions/s; CPU per transaction: $pgbench_cpu"
  echo "  service / ceiling: $ratio"
  echo "  approvals, $approvals at $approve_clients clients on $seats seats: approved/intake-full/other $got_api, seats_taken/APPROVED/SUBMITTED $race_db: $race_check; p99 $(field p99_ms "$race_result") ms"
  echo "  catalogue, $list_clients clients: p50 $(field p50_ms "$list_result") ms, p99 ${list_p99:-?} ms, $(field throughput_rps "$list_result") requests/s; CPU per request: $list_cpu; GC: $list_gc"
  echo "  recommendations, $rec_clients clients: p50 $(field p50_ms "$rec_result") ms, p99 ${rec_p99:-?} ms, $(field throughput_rps "$rec_result") requests/s; CPU per request: $rec_cpu; GC: $rec_gc"
  echo "  targets: submissions >= 0.5 x ceiling: $(met "$ratio >= 0.5"); submission p99 <= 100 ms: $(met "${submit_p99:-999} <= 100");" \
    "exactly $seats approved: $([[ "$race_check" == PASS ]] && echo met || echo MISSED); catalogue p99 <= 30 ms: $(met "${list_p99:-999} <= 30");" \
    "recommendations p99 <= 50 ms: $(met "${rec_p99:-999} <= 50")"
} | tee "$work/summary.txt"
log "Results in $work"
