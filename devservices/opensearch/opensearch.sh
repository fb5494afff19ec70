#!/usr/bin/env bash
# A single-node OpenSearch 2.19 for development and CI only (production uses a real
# OpenSearch or Elasticsearch cluster). Built once from Maven Central with Maven.
#
#   devservices/opensearch/opensearch.sh start|stop|status|reset|build
#
# Environment (all optional):
#   OPENSEARCH_HTTP_PORT       HTTP port on 127.0.0.1 (default 9200)
#   OPENSEARCH_TRANSPORT_PORT  transport port (default HTTP port + 1)
#   OPENSEARCH_HOME            node home with data and logs
#                              (default ${TMPDIR:-/tmp}/portal-opensearch-<http port>)
#   OPENSEARCH_HEAP            heap size (default 1g; -Xms is half of it)
#   OPENSEARCH_START_TIMEOUT   seconds to wait for green health (default 240)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HTTP_PORT="${OPENSEARCH_HTTP_PORT:-9200}"
TRANSPORT_PORT="${OPENSEARCH_TRANSPORT_PORT:-$((HTTP_PORT + 1))}"
NODE_HOME="${OPENSEARCH_HOME:-${TMPDIR:-/tmp}/portal-opensearch-${HTTP_PORT}}"
HEAP="${OPENSEARCH_HEAP:-1g}"
TIMEOUT="${OPENSEARCH_START_TIMEOUT:-240}"
JAR="$HERE/target/dev-opensearch-1.0.jar"
PID_FILE="$NODE_HOME/node.pid"
LOG_FILE="$NODE_HOME/node.log"
URL="http://127.0.0.1:${HTTP_PORT}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { echo "opensearch: $*" >&2; }

build() {
  # Rebuild only when the jar is missing or older than the pom or the sources.
  if [[ -f "$JAR" && -d "$HERE/target/lib" ]] && \
     [[ -z "$(find "$HERE/pom.xml" "$HERE/src" -newer "$JAR" -type f 2>/dev/null)" ]]; then
    return 0
  fi
  log "building the launcher with Maven (first time: downloads OpenSearch 2.19 from Maven Central)"
  local started=$SECONDS
  (cd "$HERE" && mvn -q -B package)
  log "built in $((SECONDS - started)) s"
}

running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  if kill -0 "$pid" 2>/dev/null; then echo "$pid"; else return 1; fi
}

healthy() {
  curl -fsS --max-time 5 "$URL/_cluster/health?wait_for_status=green&timeout=2s" 2>/dev/null \
    | grep -q '"status":"green"'
}

start() {
  if pid="$(running_pid)"; then
    log "already running (pid $pid) at $URL"
    return 0
  fi
  build
  mkdir -p "$NODE_HOME"
  local started=$SECONDS
  # setsid: the node keeps running after the shell that started it ends.
  setsid "$JAVA" "-Xms$(half "$HEAP")" "-Xmx$HEAP" -XX:+UseG1GC -Dfile.encoding=UTF-8 \
    -Dio.netty.noUnsafe=true -Dio.netty.recycler.maxCapacityPerThread=0 \
    -cp "$JAR:$HERE/target/lib/*" org.memberportal.devsearch.DevNode \
    "$HTTP_PORT" "$TRANSPORT_PORT" "$NODE_HOME" </dev/null >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  log "starting (pid $!), log in $LOG_FILE"
  while ! healthy; do
    if ! running_pid >/dev/null; then
      log "the node exited during start; last lines of $LOG_FILE:"
      tail -n 40 "$LOG_FILE" >&2
      return 1
    fi
    if (( SECONDS - started > TIMEOUT )); then
      log "no green health after ${TIMEOUT} s; stopping it. Last lines of $LOG_FILE:"
      tail -n 40 "$LOG_FILE" >&2
      stop
      return 1
    fi
    sleep 1
  done
  log "green at $URL after $((SECONDS - started)) s"
}

half() {
  # 1g -> 512m, 2g -> 1g, 768m -> 384m
  local size="$1" number="${1%[gGmM]}" unit="${1: -1}"
  case "$unit" in
    g|G) echo "$((number * 512))m" ;;
    m|M) echo "$((number / 2))m" ;;
    *) echo "$size" ;;
  esac
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    log "not running"
    rm -f "$PID_FILE"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; log "stopped"; return 0; }
    sleep 0.5
  done
  log "did not stop within 30 s; killing pid $pid"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
}

status() {
  if pid="$(running_pid)"; then
    log "running (pid $pid) at $URL"
    curl -fsS --max-time 5 "$URL/_cluster/health?pretty" || true
  else
    log "not running"
    return 3
  fi
}

reset() {
  stop
  rm -rf "$NODE_HOME"
  log "removed $NODE_HOME"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  build) build ;;
  *) echo "usage: $0 start|stop|status|reset|build" >&2; exit 2 ;;
esac
