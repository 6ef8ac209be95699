#!/usr/bin/env bash
# One database and one owner per service, so a service can read and write only its own data.
# Runs once, on the first start of an empty data volume (the postgres image's init hook).
set -euo pipefail

create() {
  local name="$1" password="$2"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
       --set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
}

create screening "$SCREENING_DB_PASSWORD"
create partner "$PARTNER_DB_PASSWORD"
create referral "$REFERRAL_DB_PASSWORD"
