-- Tenants, people and credentials. No foreign keys: DuckDB cannot cascade, so domains delete dependants explicitly.
CREATE TABLE workspaces (
  id VARCHAR PRIMARY KEY,
  name VARCHAR NOT NULL,
  time_zone VARCHAR NOT NULL,
  default_locale VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE users (
  id VARCHAR PRIMARY KEY,
  email VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  locale VARCHAR NOT NULL,
  password_hash VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE memberships (
  workspace_id VARCHAR NOT NULL,
  user_id VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE api_tokens (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  role VARCHAR NOT NULL,
  token_hash VARCHAR NOT NULL UNIQUE,
  prefix VARCHAR NOT NULL,
  created_by VARCHAR,
  created_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);

CREATE TABLE write_keys (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  key VARCHAR NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);

CREATE TABLE sessions (
  id_hash VARCHAR PRIMARY KEY,
  user_id VARCHAR NOT NULL,
  csrf_token VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit_log (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR,
  actor_type VARCHAR NOT NULL,
  actor_id VARCHAR,
  action VARCHAR NOT NULL,
  target_type VARCHAR,
  target_id VARCHAR,
  details JSON NOT NULL,
  ip VARCHAR,
  occurred_at TIMESTAMPTZ NOT NULL
);
