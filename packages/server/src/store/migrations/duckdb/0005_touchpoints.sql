-- The touchpoint registry. Events are mapped to touchpoints when a query runs, by these rules, so editing a rule
-- re-maps all history at once: no backfill job, no stored mapping to go stale.
CREATE TABLE touchpoints (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  -- web | app | email | sms | chat | social | store | phone | other
  channel VARCHAR NOT NULL,
  journey_stage VARCHAR,
  owner_team VARCHAR,
  description VARCHAR NOT NULL,
  -- [{ event?, urlPattern?, properties?: [{ name, value }] }]: an event matches when any rule matches
  rules JSON NOT NULL,
  -- Evaluation order: an event belongs to the first touchpoint whose rules match.
  position INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
