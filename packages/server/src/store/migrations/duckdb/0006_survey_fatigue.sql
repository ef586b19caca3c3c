-- One fatigue budget across channels: every contact with a survey (shown in a page, invited by e-mail, answered)
-- is a row here, keyed to the canonical profile, and every channel consults it before contacting anyone again.
CREATE TABLE survey_contacts (
  workspace_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  survey_id VARCHAR NOT NULL,
  -- web | app | email | sms | chat | social | store | phone | other
  channel VARCHAR NOT NULL,
  -- shown | invited | answered
  kind VARCHAR NOT NULL,
  contacted_at TIMESTAMPTZ NOT NULL
);

-- Workspace-wide survey settings (fatigue budget defaults); absent row = built-in defaults.
CREATE TABLE workspace_survey_settings (
  workspace_id VARCHAR PRIMARY KEY,
  settings JSON NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- Hidden field values (order id, …) the distribution passed with a response.
ALTER TABLE survey_responses ADD COLUMN hidden_fields JSON;
