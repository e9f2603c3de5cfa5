-- Issue 10: the grants of the gateway's own PostgreSQL role. Run as the role that owns the schema
-- (the one Flyway migrates with), after the migrations, e.g.
--   psql -v schema=carelens -v role=carelens_gateway -f postgresql-gateway-role.sql
-- The gateway role must not own the tables: an owner can disable the append-only triggers.
-- Audit tables: entries are only ever inserted and read; the chain head row is only moved forward
-- (its trigger allows nothing else), and SELECT ... FOR UPDATE on it needs the column UPDATE grant.
-- PostgresAuditGrantsTest runs this file as written, so a grant missing here fails a test.

GRANT USAGE ON SCHEMA :"schema" TO :"role";

GRANT SELECT, INSERT ON audit_entry TO :"role";
GRANT SELECT, UPDATE (last_sequence_number, last_hash) ON audit_chain_head TO :"role";
-- Which practice each viewed patient is registered with, for IG officers' scope: insert-only too.
GRANT SELECT, INSERT ON audit_patient_practice TO :"role";

-- Launch-token register: rows are removed once their token has expired.
GRANT SELECT, INSERT, DELETE ON launch_jti TO :"role";

-- Consent register and session relationships: insert-only, like the audit trail.
GRANT SELECT, INSERT ON consent_dissent, consent_dissent_revocation, consent_permission_to_view,
  consent_permission_revocation, consent_break_glass, session_relationship TO :"role";

-- Sessions (issue 15): opened, touched on use, and deleted when they end.
GRANT SELECT, INSERT, UPDATE (last_used_at), DELETE ON gateway_session TO :"role";

-- Rate-limit counters (issue 15): one row per allowance and window, counted up by an upsert and
-- deleted once its window has passed.
GRANT SELECT, INSERT, UPDATE (hits), DELETE ON rate_limit_window TO :"role";
