#!/usr/bin/env bash
# Install (Debian packages, when missing) and start the servers the suite and `make serve`
# can use: PostgreSQL 15 and Redis on 127.0.0.1. Idempotent. For development and CI only:
# PostgreSQL trusts connections from this machine's loopback address.
set -euo pipefail

need=()
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v wrk >/dev/null 2>&1 || need+=(wrk)  # bench/run.py and tests/bench
if [ ${#need[@]} -gt 0 ]; then
    echo "== installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

PG_VERSION=$(ls /etc/postgresql | sort -n | tail -1)
HBA=/etc/postgresql/$PG_VERSION/main/pg_hba.conf
if ! grep -q "ledenportaal-ci" "$HBA"; then
    # Put trust lines for loopback first, so they win over the packaged scram lines.
    { echo "host all all 127.0.0.1/32 trust # ledenportaal-ci"
      echo "host all all ::1/128 trust # ledenportaal-ci"
      cat "$HBA"; } > "$HBA.new"
    mv "$HBA.new" "$HBA"
    chown postgres:postgres "$HBA"
fi
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
    pg_ctlcluster "$PG_VERSION" main start
else
    pg_ctlcluster "$PG_VERSION" main reload
fi

if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi

for _ in $(seq 1 30); do
    if pg_isready -q -h 127.0.0.1 -p 5432 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
        echo "== PostgreSQL $PG_VERSION and Redis answer on 127.0.0.1"
        exit 0
    fi
    sleep 1
done
echo "PostgreSQL or Redis did not start" >&2
exit 1
