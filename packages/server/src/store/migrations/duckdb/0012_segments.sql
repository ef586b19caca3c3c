-- Segments: named groups of customers by their current traits (e.g. tier = gold AND country = DE). Membership is
-- decided when it is needed (a query, a survey offer), from the traits as they are then: no stored member list to
-- go stale, and erasing a profile's traits removes it from every segment.
CREATE TABLE segments (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  -- Stable handle used by survey targeting and query filters; unique per workspace.
  key VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  description VARCHAR NOT NULL,
  -- [{ field: 'trait.<name>', op, value }]: a profile belongs when every condition holds
  conditions JSON NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  UNIQUE (workspace_id, key)
);
