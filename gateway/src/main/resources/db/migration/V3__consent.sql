-- Issue 5: the consent register. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL. Nothing
-- clinical is stored here (PRODUCT.md principle 1): who may see a record, never what is in it.
-- Rows are only ever inserted: a dissent is revoked by a revocation row, so the register keeps its
-- whole history (who recorded what, when and why, and who lifted it).

-- The central dissent (opt-out) register, as in Trafford's dissent process: from the whole record
-- (source_id NULL) or from one source.
CREATE TABLE consent_dissent (
  dissent_id VARCHAR(36) NOT NULL PRIMARY KEY,
  patient_nhs_number VARCHAR(10) NOT NULL,
  source_id VARCHAR(64),
  reason VARCHAR(2000) NOT NULL,
  recorded_by_user_id VARCHAR(256) NOT NULL,
  recorded_by_name VARCHAR(256) NOT NULL,
  recorded_by_organisation VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX consent_dissent_by_patient ON consent_dissent (patient_nhs_number, recorded_at);

-- At most one revocation per dissent (the primary key); a patient who dissents again gets a new
-- dissent row.
CREATE TABLE consent_dissent_revocation (
  dissent_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES consent_dissent (dissent_id),
  reason VARCHAR(2000) NOT NULL,
  revoked_by_user_id VARCHAR(256) NOT NULL,
  revoked_by_name VARCHAR(256) NOT NULL,
  revoked_by_organisation VARCHAR(64) NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Permission to view given by the patient at the point of care (Bradford's explicit "share in"),
-- to one viewing organisation, until a stated time.
CREATE TABLE consent_permission_to_view (
  permission_id VARCHAR(36) NOT NULL PRIMARY KEY,
  patient_nhs_number VARCHAR(10) NOT NULL,
  organisation_ods VARCHAR(64) NOT NULL,
  recorded_by_user_id VARCHAR(256) NOT NULL,
  recorded_by_name VARCHAR(256) NOT NULL,
  recorded_by_role VARCHAR(64) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_until TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX consent_permission_by_patient ON consent_permission_to_view (patient_nhs_number, valid_until);

-- Break-glass declarations: one user, one patient, a reason from the agreement's list and the
-- user's own words, active from started_at until expires_at.
CREATE TABLE consent_break_glass (
  break_glass_id VARCHAR(36) NOT NULL PRIMARY KEY,
  user_id VARCHAR(256) NOT NULL,
  user_name VARCHAR(256) NOT NULL,
  user_role VARCHAR(64) NOT NULL,
  organisation_ods VARCHAR(64) NOT NULL,
  patient_nhs_number VARCHAR(10) NOT NULL,
  reason VARCHAR(256) NOT NULL,
  detail VARCHAR(2000) NOT NULL,
  agreement VARCHAR(128) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX consent_break_glass_by_user_patient ON consent_break_glass (user_id, patient_nhs_number, expires_at);
