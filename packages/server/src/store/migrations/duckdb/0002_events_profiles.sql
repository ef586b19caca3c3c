-- What customers do, and who they are. Events are append-only and carry no index: bulk appends stay fast and
-- DuckDB's zone maps on occurred_at/received_at prune scans by time. Every row is keyed to a profile so access,
-- export and erasure reach it.
CREATE TABLE profiles (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  -- Set when this profile was merged into another; its events stay keyed to it and are read through the survivor.
  merged_into VARCHAR
);

CREATE TABLE identities (
  workspace_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  value VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (workspace_id, kind, value)
);

CREATE TABLE profile_traits (
  workspace_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  trait VARCHAR NOT NULL,
  value JSON,
  observed_at TIMESTAMPTZ NOT NULL,
  message_id VARCHAR NOT NULL
);

CREATE TABLE profile_groups (
  workspace_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  group_id VARCHAR NOT NULL,
  traits JSON NOT NULL,
  observed_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE events (
  workspace_id VARCHAR NOT NULL,
  message_id VARCHAR NOT NULL,
  type VARCHAR NOT NULL,
  event VARCHAR,
  profile_id VARCHAR NOT NULL,
  anonymous_id VARCHAR,
  user_id VARCHAR,
  group_id VARCHAR,
  channel VARCHAR NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  original_timestamp TIMESTAMPTZ,
  sent_at TIMESTAMPTZ,
  received_at TIMESTAMPTZ NOT NULL,
  properties JSON NOT NULL,
  traits JSON NOT NULL,
  context JSON NOT NULL,
  ip VARCHAR,
  browser VARCHAR,
  os VARCHAR,
  device VARCHAR,
  page_url VARCHAR,
  page_path VARCHAR,
  page_title VARCHAR,
  referrer VARCHAR,
  utm_source VARCHAR,
  utm_medium VARCHAR,
  utm_campaign VARCHAR,
  -- Arrival order, assigned by the single writer: breaks ties between events with the same timestamp.
  ingest_seq BIGINT NOT NULL
);
