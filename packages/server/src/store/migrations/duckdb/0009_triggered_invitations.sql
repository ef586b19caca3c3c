-- E-mail invitations asked for by a trigger event ("invite N hours after Order Delivered"), sent when due.
CREATE TABLE survey_scheduled_invitations (
  workspace_id VARCHAR NOT NULL,
  survey_id VARCHAR NOT NULL,
  profile_id VARCHAR NOT NULL,
  message_id VARCHAR NOT NULL,
  due_at TIMESTAMPTZ NOT NULL,
  sent_at TIMESTAMPTZ,
  PRIMARY KEY (workspace_id, survey_id, profile_id, message_id)
);
