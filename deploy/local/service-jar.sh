# Sourced (not run) by the scripts that start a service's packaged jar themselves, as its image runs it,
# against the local stack's infrastructure: deploy/k8s/train-appcds and bench/startup.sh.
# The sourcing script sets $repo (the repository root) first.

# Each service's API port (its management port, with /q/health, is this + 100), database, and a list every
# service answers for staff from its own database.
declare -A service_http_port=([members-service]=8081 [events-service]=8082 [programmes-service]=8083
  [notifications-service]=8084)
declare -A service_database=([members-service]=members [events-service]=events [programmes-service]=programmes
  [notifications-service]=notifications)
declare -A service_main_list=([members-service]=/api/v1/companies [events-service]=/api/v1/meetings
  [programmes-service]=/api/v1/programmes [notifications-service]=/api/v1/deliveries)

# What stands in for a pod's limits on this machine: a 512 MiB, 2-CPU container, in which the JVM picks the
# serial collector itself.
container_jvm_opts="-XX:MaxRAM=512m -XX:ActiveProcessorCount=2 -XX:+UseSerialGC"

# image_files SERVICE DIR: DIR becomes a copy of SERVICE's target/quarkus-app as its image holds it: every file's
# time set to 1970-01-01T00:00:00Z, as jib sets them (the JVM accepts an AppCDS archive only when the jars of its
# class path have the time and size they had when it was written), and no archive of Quarkus' own AppCDS step.
image_files() {
  local service="$1" dir="$2"
  rm -rf "$dir"
  mkdir -p "$(dirname "$dir")"
  cp -a "$repo/$service/target/quarkus-app" "$dir"
  rm -f "$dir/app-cds.jsa"
  find "$dir" -exec touch -h -d @0 {} +
}

# service_env SERVICE [HTTP_PORT [MANAGEMENT_PORT]]: the environment (NAME=value words, for `env`) the local
# stack gives SERVICE, for a jar started by hand while `deploy/local/run --infra-only` runs.
service_env() {
  local service="$1" port="${2:-${service_http_port[$1]}}"
  local management="${3:-$((port + 100))}"
  printf '%s\n' HTTP_PORT="$port" MANAGEMENT_PORT="$management" \
    JWT_PUBLIC_KEY_LOCATION=techtank/jwt/local-dev-only-public-key.pem \
    UNSUBSCRIBE_SECRET=local-development-only-unsubscribe-secret \
    DB_URL="jdbc:postgresql://127.0.0.1:55432/${service_database[$service]}" DB_USER=techtank DB_PASSWORD=techtank \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 SMTP_HOST=127.0.0.1 SMTP_PORT=2525 \
    MEMBERSHIP_APPLICATION_RATE_LIMIT=1000 WEBHOOKS_ALLOW_LOCAL_HTTP=true
}

# staff_token: a staff token for all four services, valid for an hour (RS256, signed with the committed local
# development key, which the services trust outside production; needs openssl).
staff_token() {
  local now header payload signature
  b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
  now=$(date +%s)
  header="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)"
  payload="$(printf '{"iss":"https://auth.local.techtank.dev","sub":"bench@techtank.local","upn":"bench@techtank.local","groups":["staff"],"aud":["members-service","events-service","programmes-service","notifications-service"],"iat":%d,"exp":%d,"jti":"bench-%d"}' \
    "$now" $((now + 3600)) "$now" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" \
    | openssl dgst -sha256 -sign "$repo/platform-testing/src/main/resources/techtank/jwt/local-dev-only-private-key.pem" | b64url)"
  echo "$header.$payload.$signature"
}

# start_infra LOG [--fresh]: the local stack's infrastructure only (PostgreSQL :55432, Kafka :9092/:9093, SMTP
# :2525) in the background, logging to LOG; waits up to 300 s for "Techtank local stack is ready" and sets
# $infra_pid. --fresh empties its databases and topics first. The caller stops it (stop_infra).
start_infra() {
  local log_file="$1" i
  shift
  "$repo/deploy/local/run" "$@" --infra-only >"$log_file" 2>&1 &
  infra_pid=$!
  for ((i = 0; i < 300; i++)); do
    grep -q "Techtank local stack is ready" "$log_file" && return 0
    kill -0 "$infra_pid" 2>/dev/null || { tail -n 40 "$log_file" >&2; echo "The local stack stopped." >&2; return 1; }
    sleep 1
  done
  tail -n 40 "$log_file" >&2
  echo "The local stack was not ready after 300 s." >&2
  return 1
}

# stop_infra: stops what start_infra started (SIGTERM, as Ctrl-C would) and waits for it.
stop_infra() {
  [[ -n "${infra_pid:-}" ]] || return 0
  kill -TERM "$infra_pid" 2>/dev/null || true
  wait "$infra_pid" 2>/dev/null || true
  infra_pid=""
}

# http_status URL [CURL ARGS...]: the HTTP status (000 when nothing answers).
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$@" || true; }
