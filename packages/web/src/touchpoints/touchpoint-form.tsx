import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { SelectField } from '../components/field';
import { IssueField } from './issue-field';
import {
  draftOf,
  emptyRule,
  inputOf,
  issuesByField,
  type RuleDraft,
  type TouchpointDraft,
  touchpointChannels,
} from './touchpoint-draft';
import { type Touchpoint, useSaveTouchpoint } from './touchpoints-api';

interface TouchpointFormProps {
  workspaceId: string;
  /** null: a new touchpoint. */
  touchpoint: Touchpoint | null;
  onDone: () => void;
}

/** Create or edit a touchpoint and its mapping rules; the server's field errors appear next to the fields. */
export function TouchpointForm({ workspaceId, touchpoint, onDone }: TouchpointFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<TouchpointDraft>(() => draftOf(touchpoint));
  const save = useSaveTouchpoint(workspaceId);
  const issues = issuesByField(save.error);
  const titleId = touchpoint ? `edit-touchpoint-${touchpoint.id}` : 'new-touchpoint';

  const set = (patch: Partial<TouchpointDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const setRule = (index: number, patch: Partial<RuleDraft>) =>
    set({ rules: draft.rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ id: touchpoint?.id ?? null, input: inputOf(draft) }, { onSuccess: onDone });
  };

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>
        {touchpoint
          ? t('touchpoints.form.editTitle', { name: touchpoint.name })
          : t('touchpoints.form.newTitle')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-grid">
          <IssueField
            label={t('touchpoints.fields.name')}
            value={draft.name}
            onChange={(name) => set({ name })}
            issue={issues.get('name')}
            maxLength={100}
          />
          <SelectField
            label={t('touchpoints.fields.channel')}
            value={draft.channel}
            onChange={(event) => set({ channel: event.target.value })}
          >
            {touchpointChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`touchpoints.channels.${channel}`)}
              </option>
            ))}
          </SelectField>
          <IssueField
            label={t('touchpoints.fields.stage')}
            value={draft.stage}
            onChange={(stage) => set({ stage })}
            issue={issues.get('stage')}
          />
          <IssueField
            label={t('touchpoints.fields.ownerTeam')}
            value={draft.ownerTeam}
            onChange={(ownerTeam) => set({ ownerTeam })}
            issue={issues.get('ownerTeam')}
          />
        </div>
        <IssueField
          label={t('touchpoints.fields.description')}
          value={draft.description}
          onChange={(description) => set({ description })}
          issue={issues.get('description')}
          multiline
        />
        <p className="field-hint">{t('touchpoints.form.rulesHint')}</p>
        {draft.rules.map((rule, index) => (
          <RuleFields
            // Rules have no id of their own; their position is what the server's field names refer to.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            index={index}
            rule={rule}
            issues={issues}
            onChange={(patch) => setRule(index, patch)}
            onRemove={
              draft.rules.length > 1
                ? () => set({ rules: draft.rules.filter((_, i) => i !== index) })
                : undefined
            }
          />
        ))}
        <ErrorAlert error={issues.size > 0 ? null : save.error} />
        {issues.size > 0 ? (
          <p role="alert" className="alert alert-error">
            {t('touchpoints.form.fixFields')}
          </p>
        ) : null}
        <div className="form-actions">
          {draft.rules.length < 20 ? (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => set({ rules: [...draft.rules, emptyRule()] })}
            >
              {t('touchpoints.form.addRule')}
            </button>
          ) : null}
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('touchpoints.form.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

interface RuleFieldsProps {
  index: number;
  rule: RuleDraft;
  issues: Map<string, string>;
  onChange: (patch: Partial<RuleDraft>) => void;
  onRemove: (() => void) | undefined;
}

function RuleFields({ index, rule, issues, onChange, onRemove }: RuleFieldsProps) {
  const { t } = useTranslation();
  const prefix = `rules.${index}`;
  const propertyIssue = [...issues].find(([field]) => field.startsWith(`${prefix}.properties`));
  const ruleIssue = issues.get(prefix);
  return (
    <fieldset className="touchpoint-rule">
      <legend>{t('touchpoints.form.rule', { number: index + 1 })}</legend>
      {ruleIssue ? (
        <p className="field-issue">{t('touchpoints.form.ruleIssue', { issue: ruleIssue })}</p>
      ) : null}
      <div className="form-grid">
        <IssueField
          label={t('touchpoints.fields.event')}
          value={rule.event}
          onChange={(event) => onChange({ event })}
          issue={issues.get(`${prefix}.event`)}
        />
        <IssueField
          label={t('touchpoints.fields.urlPattern')}
          hint={t('touchpoints.fields.urlPatternHint')}
          value={rule.urlPattern}
          onChange={(urlPattern) => onChange({ urlPattern })}
          issue={issues.get(`${prefix}.urlPattern`)}
        />
        <IssueField
          label={t('touchpoints.fields.properties')}
          hint={t('touchpoints.fields.propertiesHint')}
          value={rule.properties}
          onChange={(properties) => onChange({ properties })}
          issue={
            propertyIssue ? `${propertyIssue[0].replace(`${prefix}.`, '')}: ${propertyIssue[1]}` : undefined
          }
          multiline
        />
      </div>
      {onRemove ? (
        <button type="button" className="button button-secondary" onClick={onRemove}>
          {t('touchpoints.form.removeRule', { number: index + 1 })}
        </button>
      ) : null}
    </fieldset>
  );
}
