# Sourced by test.sh: a throwaway Redis (Debian's redis-server) on loopback, and nginx installed
# for the cluster tests. Usage: source scripts/throwaway-redis.sh; redis_install && redis_start PORT; … ; redis_stop
redis_install() {
  if command -v redis-server >/dev/null && [[ -x /usr/sbin/nginx ]]; then
    return 0
  fi
  if [[ "$(id -u)" != 0 ]]; then
    echo "redis-server or nginx is missing and this is not root: cannot apt-get install them." >&2
    return 1
  fi
  echo "Installing redis-server and nginx from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq redis-server nginx >/dev/null
}

# Starts redis-server on 127.0.0.1:PORT with nothing persisted; sets REDIS_WORK.
redis_start() {
  local port="$1"
  REDIS_WORK="$(mktemp -d /tmp/linli-redis.XXXXXX)"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$REDIS_WORK" --pidfile "$REDIS_WORK/redis.pid" --logfile "$REDIS_WORK/redis.log" || return 1
  for _ in $(seq 1 50); do
    redis-cli -p "$port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

redis_stop() {
  [[ -n "${REDIS_WORK:-}" ]] || return 0
  [[ -f "$REDIS_WORK/redis.pid" ]] && kill "$(cat "$REDIS_WORK/redis.pid")" 2>/dev/null || true
  rm -rf "$REDIS_WORK"
}
