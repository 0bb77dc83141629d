# Sourced by .ci/run (and usable by hand): a throwaway PostgreSQL cluster for the server tests.
#   source .ci/postgres.sh; postgres_start   -> exports MSECURE_TEST_POSTGRES
#   postgres_stop                            -> stops the cluster and deletes its folder
# The cluster runs as user postgres (CI runs as root), listens only on 127.0.0.1 on a free port,
# keeps its socket inside its own temp folder and takes a random password (scram-sha-256).

postgres_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$dir"
}

postgres_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

postgres_start() {
  local bin password port
  bin=$(postgres_bin) || return 1
  MSECURE_PG_DIR=$(mktemp -d)
  chmod 700 "$MSECURE_PG_DIR"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  echo "$password" >"$MSECURE_PG_DIR/password"
  chown -R postgres:postgres "$MSECURE_PG_DIR"
  runuser -u postgres -- "$bin/initdb" -D "$MSECURE_PG_DIR/data" -U msecure_test --pwfile="$MSECURE_PG_DIR/password" \
    -A scram-sha-256 --no-sync >"$MSECURE_PG_DIR/initdb.log" 2>&1 || { cat "$MSECURE_PG_DIR/initdb.log" >&2; return 1; }
  port=$(postgres_free_port) || return 1
  runuser -u postgres -- "$bin/pg_ctl" -D "$MSECURE_PG_DIR/data" -l "$MSECURE_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $MSECURE_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$MSECURE_PG_DIR/server.log" >&2; return 1; }
  export MSECURE_PG_DIR
  export MSECURE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=msecure_test;Password=$password;Database=postgres"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster)"
}

postgres_stop() {
  [ -n "${MSECURE_PG_DIR:-}" ] && [ -d "$MSECURE_PG_DIR" ] || return 0
  runuser -u postgres -- "$(postgres_bin)/pg_ctl" -D "$MSECURE_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$MSECURE_PG_DIR"
  unset MSECURE_PG_DIR MSECURE_TEST_POSTGRES
}
