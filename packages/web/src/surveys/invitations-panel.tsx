import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { readForm, TextField } from '../components/field';
import type { InvitationCounts, InvitationInput } from './survey-types';
import { surveysApi } from './surveys-api';

/** Profile ids (one per line or comma-separated) or a trait match; ids win when both are given. */
export function invitationInput(fields: {
  profileIds: string;
  traitName: string;
  traitValue: string;
  reminderAfterDays: string;
}): InvitationInput {
  const ids = fields.profileIds
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const reminder = Number(fields.reminderAfterDays);
  return {
    ...(ids.length
      ? { profileIds: ids }
      : fields.traitName
        ? { trait: { name: fields.traitName, value: fields.traitValue } }
        : {}),
    ...(fields.reminderAfterDays && Number.isInteger(reminder) ? { reminderAfterDays: reminder } : {}),
  };
}

function Counts({ counts }: { counts: InvitationCounts }) {
  const { t } = useTranslation();
  return (
    <p role="status">
      {t('surveys.invitations.result', {
        sent: counts.sent,
        noEmail: counts.skipped.noEmail,
        unsubscribed: counts.skipped.unsubscribed,
        fatigue: counts.skipped.fatigue,
      })}
    </p>
  );
}

/** E-mail invitations with one reminder; the server checks e-mail identities, unsubscribes and the fatigue budget. */
export function InvitationsPanel({ workspaceId, surveyId }: { workspaceId: string; surveyId: string }) {
  const { t } = useTranslation();
  const [profileIds, setProfileIds] = useState('');
  const invite = useMutation({
    mutationFn: (input: InvitationInput) => surveysApi.invite(workspaceId, surveyId, input),
  });
  const reminders = useMutation({ mutationFn: () => surveysApi.sendDueReminders(workspaceId, surveyId) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = readForm(event.currentTarget, ['traitName', 'traitValue', 'reminderAfterDays']);
    invite.mutate(invitationInput({ ...fields, profileIds }));
  };

  return (
    <section className="panel" aria-labelledby="survey-invitations">
      <h2 id="survey-invitations">{t('surveys.invitations.title')}</h2>
      <p className="field-hint">{t('surveys.invitations.intro')}</p>
      <form className="form form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="invite-profile-ids">{t('surveys.invitations.profileIds')}</label>
          <textarea
            id="invite-profile-ids"
            rows={3}
            value={profileIds}
            onChange={(e) => setProfileIds(e.target.value)}
          />
        </div>
        <TextField
          label={t('surveys.invitations.traitName')}
          name="traitName"
          hint={t('surveys.invitations.traitHint')}
        />
        <TextField label={t('surveys.invitations.traitValue')} name="traitValue" />
        <TextField
          label={t('surveys.invitations.reminderAfterDays')}
          name="reminderAfterDays"
          type="number"
          min={1}
          max={60}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={invite.isPending}>
            {t('surveys.invitations.send')}
          </button>
        </div>
      </form>
      <ErrorAlert error={invite.error} />
      {invite.data ? <Counts counts={invite.data} /> : null}
      <p>
        <button
          type="button"
          className="button button-secondary"
          disabled={reminders.isPending}
          onClick={() => reminders.mutate()}
        >
          {t('surveys.invitations.sendDue')}
        </button>
      </p>
      <ErrorAlert error={reminders.error} />
      {reminders.data ? <Counts counts={reminders.data} /> : null}
    </section>
  );
}
