-- E-mail invitations to surveys: one row per invited profile and survey, so reminders go out once and only to
-- invitees without a completed response. The address and language are kept as sent (what the invitee received).
CREATE TABLE survey_invitations (
  id VARCHAR PRIMARY KEY,
  workspace_id VARCHAR NOT NULL,
  survey_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  email VARCHAR NOT NULL,
  locale VARCHAR NOT NULL,
  -- Origin the links were built from (CAIRN_PUBLIC_URL or the inviting request's), reused by reminders.
  base_url VARCHAR NOT NULL,
  sent_at TIMESTAMPTZ NOT NULL,
  reminder_due_at TIMESTAMPTZ,
  reminded_at TIMESTAMPTZ,
  responded_at TIMESTAMPTZ
);

-- Profiles that unsubscribed from survey e-mails (through the link in every invitation): never mailed again.
CREATE TABLE survey_unsubscribes (
  workspace_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  unsubscribed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (workspace_id, profile_id)
);
