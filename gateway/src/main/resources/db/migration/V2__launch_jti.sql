-- Issue 6: single use of launch tokens (RFC 7519 jti), shared by every gateway instance on this
-- database and kept across restarts. A row may be removed once the token it names has expired
-- (plus clock skew): such a token can no longer verify, so forgetting its jti loses nothing.
CREATE TABLE launch_jti (
  issuer VARCHAR(512) NOT NULL,
  jti VARCHAR(256) NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE NOT NULL,
  forget_after TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, jti)
);

CREATE INDEX launch_jti_by_forget_after ON launch_jti (forget_after);
