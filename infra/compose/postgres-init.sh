#!/bin/sh
# docker-compose: run by the postgres image on the first start of an empty data volume
# (/docker-entrypoint-initdb.d). Applies the suite's one schema-and-roles file with the service
# roles' passwords from the environment (.env), as psql variables.
set -e

: "${AUTH_DB_PASSWORD:?AUTH_DB_PASSWORD is not set (see .env.example)}"
: "${CATALOG_DB_PASSWORD:?CATALOG_DB_PASSWORD is not set (see .env.example)}"
: "${ORDERING_DB_PASSWORD:?ORDERING_DB_PASSWORD is not set (see .env.example)}"
: "${REACTION_DB_PASSWORD:?REACTION_DB_PASSWORD is not set (see .env.example)}"
: "${STATISTICS_DB_PASSWORD:?STATISTICS_DB_PASSWORD is not set (see .env.example)}"

psql -v ON_ERROR_STOP=1 \
  --username "${POSTGRES_USER:-postgres}" \
  --dbname "${POSTGRES_DB:-snack}" \
  -v auth_password="$AUTH_DB_PASSWORD" \
  -v catalog_password="$CATALOG_DB_PASSWORD" \
  -v ordering_password="$ORDERING_DB_PASSWORD" \
  -v reaction_password="$REACTION_DB_PASSWORD" \
  -v statistics_password="$STATISTICS_DB_PASSWORD" \
  -f "${SNACK_SCHEMAS_SQL:-/snack/postgres/01-schemas-and-roles.sql}"
