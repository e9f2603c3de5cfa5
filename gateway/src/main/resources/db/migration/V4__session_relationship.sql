-- Issue 6 item 2 / PRODUCT.md rule 1: a gateway session is launched for one patient; it may view
-- another only after establishing a legitimate relationship with them, by self-claim with a reason
-- (flagged for IG review) or by break-glass. One row per relationship established; rows are only
-- inserted. A session is named by its launch token's issuer and jti (single use, so one session
-- per launch), never by the session token itself.
CREATE TABLE session_relationship (
  relationship_id VARCHAR(36) NOT NULL PRIMARY KEY,
  launch_issuer VARCHAR(512) NOT NULL,
  launch_jti VARCHAR(256) NOT NULL,
  user_id VARCHAR(256) NOT NULL,
  user_role VARCHAR(64) NOT NULL,
  organisation_ods VARCHAR(64) NOT NULL,
  patient_nhs_number VARCHAR(10) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  reason VARCHAR(2000) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX session_relationship_by_launch
  ON session_relationship (launch_issuer, launch_jti, patient_nhs_number);
