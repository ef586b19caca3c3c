-- Text analytics: each workspace's topic taxonomy and the enrichment of every open-text answer.
-- Enrichments are derived personal data: keyed to the response and the profile so erasure and response deletion
-- reach them. They hold offsets of personal data, never the personal data itself; `redacted` is the text with
-- every detected span replaced by a tag.
CREATE TABLE text_taxonomies (
  workspace_id VARCHAR PRIMARY KEY,
  -- bumped on every change; enrichments record the version they were computed with
  version INTEGER NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE text_topics (
  workspace_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  name_de VARCHAR NOT NULL,
  name_en VARCHAR NOT NULL,
  -- lower-case stems and words in either language (JSON array of strings)
  keywords JSON NOT NULL,
  phrases JSON NOT NULL,
  position INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (workspace_id, id)
);

CREATE TABLE text_enrichments (
  workspace_id VARCHAR NOT NULL,
  response_id VARCHAR NOT NULL,
  question_id VARCHAR NOT NULL,
  profile_id VARCHAR,
  answered_at TIMESTAMPTZ NOT NULL,
  -- de | en | unknown
  language VARCHAR NOT NULL,
  -- negative | neutral | positive; score in -1..1
  sentiment_label VARCHAR NOT NULL,
  sentiment_score DOUBLE NOT NULL,
  -- [{start, end, sentiment: {label, score}}]
  sentences JSON NOT NULL,
  -- [{id, sentiment: {label, score}, mentions}]; also one row each in text_topic_mentions
  topics JSON NOT NULL,
  -- [{kind, start, end}]
  pii JSON NOT NULL,
  redacted VARCHAR NOT NULL,
  taxonomy_version INTEGER NOT NULL,
  enriched_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (workspace_id, response_id, question_id)
);
CREATE INDEX text_enrichments_by_profile ON text_enrichments (workspace_id, profile_id);

-- One row per topic mentioned in an answer, for the query engine ("share of negative mentions of Delivery by week").
CREATE TABLE text_topic_mentions (
  workspace_id VARCHAR NOT NULL,
  response_id VARCHAR NOT NULL,
  question_id VARCHAR NOT NULL,
  profile_id VARCHAR,
  topic_id VARCHAR NOT NULL,
  answered_at TIMESTAMPTZ NOT NULL,
  sentiment_label VARCHAR NOT NULL,
  sentiment_score DOUBLE NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, response_id, question_id, topic_id)
);
CREATE INDEX text_topic_mentions_by_topic ON text_topic_mentions (workspace_id, topic_id, answered_at);
