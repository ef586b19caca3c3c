-- Stored journey definitions and user-defined metrics: analysis definitions, not personal data.
CREATE TABLE journeys (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  -- ordered [{ key, name, touchpointIds: [uuid], events: [name] }]; an event reaches a stage when it maps to one of
  -- the stage's touchpoints (registry rules, at query time) or carries one of its event names
  stages JSON NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE custom_metrics (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  -- referenced by queries as metric `custom:<key>`; unique per workspace (checked by the domain: DuckDB rewrites an
  -- UPDATE of a UNIQUE-indexed column as delete + insert, which trips its own constraint)
  key VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  -- events | responses
  source VARCHAR NOT NULL,
  -- count | sum | average | ratio
  aggregate VARCHAR NOT NULL,
  field VARCHAR,
  -- [{ field, op, value }] as in query filters (validated against the same allow-list)
  filters JSON NOT NULL,
  denominator_filters JSON,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
