#!/bin/sh
# Start the local PostgreSQL server (installed by the Debian package `postgresql`; this script
# installs nothing), create the role `vaarta` and the database `vaarta_test`, and print the URL
# to export as VAARTA_TEST_PG. Idempotent: safe to run when the server is already up.
set -eu
PGPASS="${VAARTA_PG_PASSWORD:-vaarta-test}"
VER="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)"
if [ -z "$VER" ]; then
  echo "start-postgres: PostgreSQL is not installed (no /usr/lib/postgresql)" >&2
  exit 1
fi
if command -v pg_ctlcluster >/dev/null 2>&1; then
  pg_ctlcluster "$VER" main start >/dev/null 2>&1 || true
else
  service postgresql start >/dev/null 2>&1 || true
fi
i=0
until su postgres -c "psql -qAtc 'SELECT 1'" >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 30 ]; then
    echo "start-postgres: server did not come up" >&2
    exit 1
  fi
  sleep 1
done
su postgres -c "psql -qAt" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'vaarta') THEN
    CREATE ROLE vaarta LOGIN PASSWORD '$PGPASS';
  ELSE
    ALTER ROLE vaarta LOGIN PASSWORD '$PGPASS';
  END IF;
END \$\$;
SQL
if [ "$(su postgres -c "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname = 'vaarta_test'\"")" != "1" ]; then
  su postgres -c "psql -qAtc \"CREATE DATABASE vaarta_test OWNER vaarta ENCODING 'UTF8' TEMPLATE template0\"" >/dev/null
fi
# pg_trgm is a trusted extension (PostgreSQL >= 13) but create it here so the store finds it.
su postgres -c "psql -qAt -d vaarta_test -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'" >/dev/null 2>&1 || true
PORT="$(su postgres -c "psql -qAtc 'SHOW port'")"
echo "postgresql://vaarta:$PGPASS@127.0.0.1:$PORT/vaarta_test"
