# Source this file: starts a throwaway PostgreSQL server on a free loopback port and
# exports RVSQ_TEST_POSTGRES_URL; the server and its folder go away when the shell exits.
# PostgreSQL refuses to run as root, so the server runs as the `postgres` user.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
pg_data=$(mktemp -d /tmp/rvsq-pg.XXXXXX)
chown postgres "$pg_data"
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data/data" -U postgres -A trust --no-sync -E UTF8 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data/data" -l "$pg_data/server.log" -w \
    -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
pg_stop() {
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$pg_data"
}
trap pg_stop EXIT
export RVSQ_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$pg_port/postgres"
echo "PostgreSQL for the tests: $RVSQ_TEST_POSTGRES_URL"
