-- Whether SDKs must wait for the visitor's consent before sending anything (served at GET /v1/config).
-- DuckDB cannot add a column with a constraint, so NOT NULL is kept by the repository (it always writes a boolean).
ALTER TABLE workspaces ADD COLUMN require_consent BOOLEAN DEFAULT false;
