-- Issue 15: gateway sessions live in the shared database, so any gateway replica can serve any
-- request of a session and a replica lost loses no session. Only a SHA-256 hash of the session
-- token is stored: someone who reads this table (a backup, a DBA) cannot use a session. A row is
-- deleted when its session ends (sign-out, idle timeout, lifetime); expired rows left behind by a
-- replica that died are removed by the next replica's sweep.
CREATE TABLE gateway_session (
  token_sha256 VARCHAR(64) NOT NULL PRIMARY KEY,
  launch_issuer VARCHAR(512) NOT NULL,
  launch_jti VARCHAR(256) NOT NULL,
  launch_expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  user_id VARCHAR(256) NOT NULL,
  user_name VARCHAR(512) NOT NULL,
  user_role VARCHAR(64) NOT NULL,
  organisation_ods VARCHAR(64) NOT NULL,
  organisation_name VARCHAR(512) NOT NULL,
  organisation_type VARCHAR(64) NOT NULL,
  device VARCHAR(512) NOT NULL,
  reason_for_request VARCHAR(2000) NOT NULL,
  -- Null for a user who signed in (bound to no patient).
  patient_nhs_number VARCHAR(10),
  issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
  last_used_at TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX gateway_session_by_expires_at ON gateway_session (expires_at);
CREATE INDEX gateway_session_by_last_used_at ON gateway_session (last_used_at);
