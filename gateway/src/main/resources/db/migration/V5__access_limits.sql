-- Issue 10: access that holds up to misuse. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
--
-- Break-glass is bound to the session that declared it (PRODUCT.md rule 7): a declaration names
-- its session by the launch token's issuer and jti, as session_relationship does, and only that
-- session sees it active. Rows written before this migration have neither and are active for no
-- session (fail closed).
ALTER TABLE consent_break_glass ADD COLUMN launch_issuer VARCHAR(512);
ALTER TABLE consent_break_glass ADD COLUMN launch_jti VARCHAR(256);

CREATE INDEX consent_break_glass_by_session
  ON consent_break_glass (launch_issuer, launch_jti, patient_nhs_number);

-- The self-claim's coded reason from the agreement (selfClaim.reasons); the free text stays in
-- reason. NULL for break-glass relationships and for claims made before this migration.
ALTER TABLE session_relationship ADD COLUMN reason_code VARCHAR(64);

-- The per-user daily caps count a user's claims and declarations in the last 24 hours from these
-- tables, so the caps hold across restarts and every gateway instance on the database.
CREATE INDEX session_relationship_by_user ON session_relationship (user_id, kind, recorded_at);
CREATE INDEX consent_break_glass_by_user ON consent_break_glass (user_id, started_at);
