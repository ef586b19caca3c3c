-- Surveys (definitions are versioned: answers keep the version they were given to) and what customers say.
-- Answers are keyed to a profile (when known) so export and erasure reach them.
CREATE TABLE surveys (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  -- draft | live | paused | closed
  status VARCHAR NOT NULL,
  current_version INTEGER NOT NULL,
  -- distribution (link, intercept triggers and targeting, email), fatigue overrides, quota, close date
  settings JSON NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE survey_versions (
  survey_id VARCHAR NOT NULL,
  workspace_id VARCHAR NOT NULL,
  version INTEGER NOT NULL,
  -- questions, logic, welcome/end screens, every text in every language
  definition JSON NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (survey_id, version)
);

CREATE TABLE survey_responses (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  survey_id VARCHAR NOT NULL,
  survey_version INTEGER NOT NULL,
  profile_id VARCHAR,
  -- web | app | email | sms | chat | social | store | phone | other
  channel VARCHAR NOT NULL,
  touchpoint_id VARCHAR,
  journey_stage VARCHAR,
  locale VARCHAR NOT NULL,
  device VARCHAR,
  -- partial | completed
  status VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  completed_at TIMESTAMPTZ,
  -- snapshot when answering: last steps before answering, channels used, journey stage
  journey_context JSON NOT NULL,
  -- the client's idempotency key: double clicks and retries resolve to the same response
  client_key VARCHAR
);

CREATE TABLE survey_answers (
  workspace_id VARCHAR NOT NULL,
  response_id VARCHAR NOT NULL,
  survey_id VARCHAR NOT NULL,
  profile_id VARCHAR,
  question_id VARCHAR NOT NULL,
  -- nps | csat | ces | rating | single_choice | multiple_choice | text | matrix | consent
  question_type VARCHAR NOT NULL,
  -- nps 0-10, csat 1-5, ces 1-7, rating: the score; null for other types
  number_value DOUBLE,
  text_value VARCHAR,
  json_value JSON,
  answered_at TIMESTAMPTZ NOT NULL,
  time_spent_ms INTEGER,
  PRIMARY KEY (response_id, question_id)
);
