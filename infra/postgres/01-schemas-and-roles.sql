-- Snack Manager: one database, one schema and one login role per service.
-- Each role owns its schema and nothing else, so no service can read another's tables.
-- Applied the same way everywhere: the local runner and the test support substitute the psql
-- variables (colon-quoted names) themselves; docker-compose runs this file through psql -v name=value.
-- Idempotent: safe to apply to a database that already has some of it.

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

DO $$
DECLARE
  svc text;
BEGIN
  FOREACH svc IN ARRAY ARRAY['auth_svc', 'catalog_svc', 'ordering_svc', 'reaction_svc', 'statistics_svc'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = svc) THEN
      EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE', svc);
    END IF;
  END LOOP;
END $$;

ALTER ROLE auth_svc PASSWORD :'auth_password';
ALTER ROLE catalog_svc PASSWORD :'catalog_password';
ALTER ROLE ordering_svc PASSWORD :'ordering_password';
ALTER ROLE reaction_svc PASSWORD :'reaction_password';
ALTER ROLE statistics_svc PASSWORD :'statistics_password';

CREATE SCHEMA IF NOT EXISTS auth AUTHORIZATION auth_svc;
CREATE SCHEMA IF NOT EXISTS catalog AUTHORIZATION catalog_svc;
CREATE SCHEMA IF NOT EXISTS ordering AUTHORIZATION ordering_svc;
CREATE SCHEMA IF NOT EXISTS reaction AUTHORIZATION reaction_svc;
CREATE SCHEMA IF NOT EXISTS statistics AUTHORIZATION statistics_svc;

ALTER ROLE auth_svc SET search_path = auth;
ALTER ROLE catalog_svc SET search_path = catalog;
ALTER ROLE ordering_svc SET search_path = ordering;
ALTER ROLE reaction_svc SET search_path = reaction;
ALTER ROLE statistics_svc SET search_path = statistics;
