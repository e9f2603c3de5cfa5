-- Issue 10, IG scope: an IG officer reads the audit entries of patients registered with their
-- organisation. The gateway holds no patient index, so it keeps here each (patient, registered
-- practice) pair that PDS gave when the patient's record was viewed. No clinical data: an NHS
-- number and an ODS code, as the audit entries themselves hold. Runs unchanged on H2 (PostgreSQL
-- mode) and PostgreSQL.
--
-- Insert-only, like the audit trail: a pair is written in the same transaction as the RECORD_VIEW
-- entry that carried it (details.registeredPractice), and first_sequence_number names that entry,
-- so every row can be checked against the hash chain. A patient who moves practice gains a row;
-- both practices' IG officers then see the patient's entries.
CREATE TABLE audit_patient_practice (
  patient_nhs_number VARCHAR(10) NOT NULL,
  practice_ods VARCHAR(64) NOT NULL,
  first_sequence_number BIGINT NOT NULL,
  PRIMARY KEY (patient_nhs_number, practice_ods)
);

CREATE INDEX audit_patient_practice_by_practice ON audit_patient_practice (practice_ods);
