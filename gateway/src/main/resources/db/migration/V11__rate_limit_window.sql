-- Issue 15: rate limits hold across gateway replicas. One row per allowance (function, scope, user
-- or client address) and fixed window; every replica counts a request with one upsert into it.
-- Windows are aligned to the epoch, so every replica agrees where one ends. Rows of past windows
-- are deleted by whichever replica gets to it first.
CREATE TABLE rate_limit_window (
  limit_key    VARCHAR(32)              NOT NULL,
  scope        VARCHAR(8)               NOT NULL,
  who          VARCHAR(256)             NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  hits         INTEGER                  NOT NULL,
  CONSTRAINT rate_limit_window_pk PRIMARY KEY (limit_key, scope, who, window_start)
);

CREATE INDEX rate_limit_window_start ON rate_limit_window (window_start);
