-- Issue 6: the append-only, hash-chained audit trail. Runs unchanged on H2 (PostgreSQL mode) and
-- PostgreSQL. Later features add their own files (V3__consent.sql, ...); never edit a released one.

-- One row per audited event. The gateway only ever INSERTs here: there is no UPDATE or DELETE of
-- audit entries anywhere in the code. entry_hash = SHA-256 over the canonical encoding of the entry
-- including previous_hash (see org.carelens.gateway.audit.AuditHash), so any edit, deletion,
-- reordering or insertion breaks the chain at that sequence number.
CREATE TABLE audit_entry (
  sequence_number BIGINT NOT NULL PRIMARY KEY,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  event_type VARCHAR(64) NOT NULL,
  outcome VARCHAR(16) NOT NULL,
  reason_code VARCHAR(64),
  user_id VARCHAR(256),
  user_name VARCHAR(256),
  user_role VARCHAR(64),
  organisation_ods VARCHAR(64),
  patient_nhs_number VARCHAR(10),
  client_device VARCHAR(256),
  correlation_id VARCHAR(128) NOT NULL,
  details VARCHAR(65536) NOT NULL,
  previous_hash CHAR(64) NOT NULL,
  entry_hash CHAR(64) NOT NULL
);

CREATE INDEX audit_entry_by_patient ON audit_entry (patient_nhs_number, sequence_number);
CREATE INDEX audit_entry_by_user ON audit_entry (user_id, sequence_number);
CREATE INDEX audit_entry_by_organisation ON audit_entry (organisation_ods, sequence_number);
CREATE INDEX audit_entry_by_time ON audit_entry (recorded_at);

-- The single chain head: every append locks this row (SELECT ... FOR UPDATE) inside its insert
-- transaction, so several gateway instances on one database take sequence numbers strictly one
-- after another and each entry chains to the one committed before it. It also anchors the end of
-- the chain, so deleting the newest entries is detected too.
CREATE TABLE audit_chain_head (
  id INT NOT NULL PRIMARY KEY,
  last_sequence_number BIGINT NOT NULL,
  last_hash CHAR(64) NOT NULL,
  CONSTRAINT audit_chain_head_single_row CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_sequence_number, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
