#!/usr/bin/env bash
# Start the servers the scale-out tests use (PostgreSQL, Redis, RabbitMQ) where they are not already
# running on 127.0.0.1, installing them from Debian's packages when missing. Idempotent.
set -euo pipefail
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for() { for _ in $(seq 1 60); do listening "$1" && return 0; sleep 1; done; echo "$2 did not start on port $1" >&2; return 1; }
need() {  # apt-install the packages whose command is missing
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 || [ -x "$cmd" ] || {
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@"; }
}

if ! listening 5432; then
  need pg_ctlcluster postgresql
  ver=$(ls /etc/postgresql | sort -n | tail -1)
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
  wait_for 5432 PostgreSQL
  # trust local TCP connections for the test user, as CI's server does
  psql -h 127.0.0.1 -U postgres -c 'select 1' >/dev/null 2>&1 || {
    hba=/etc/postgresql/$ver/main/pg_hba.conf
    echo "host all all 127.0.0.1/32 trust" | $SUDO tee -a "$hba" >/dev/null
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$ver" main reload; }
fi

if ! listening 6379; then
  need redis-server redis-server
  mkdir -p /tmp/sohoa-redis
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --dir /tmp/sohoa-redis --logfile /tmp/sohoa-redis/redis.log
  wait_for 6379 Redis
fi

if ! listening 5672; then
  need rabbitmq-server rabbitmq-server
  $SUDO rabbitmq-server -detached || true
  wait_for 5672 RabbitMQ
fi
echo "services: PostgreSQL :5432, Redis :6379, RabbitMQ :5672 are up"
