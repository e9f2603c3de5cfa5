-- Issue 16: a recorded permission to view can be revoked (the patient withdraws it, or it was
-- recorded in error). Insert-only like the dissent register: the permission row stays, and a
-- revocation row says who lifted it, when and why. At most one revocation per permission.
CREATE TABLE consent_permission_revocation (
  permission_id VARCHAR(36) NOT NULL PRIMARY KEY REFERENCES consent_permission_to_view (permission_id),
  reason VARCHAR(2000) NOT NULL,
  revoked_by_user_id VARCHAR(256) NOT NULL,
  revoked_by_name VARCHAR(256) NOT NULL,
  revoked_by_organisation VARCHAR(64) NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE NOT NULL
);
