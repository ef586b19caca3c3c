import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { IssueField } from '../touchpoints/issue-field';
import { issuesByField } from '../touchpoints/touchpoint-draft';
import type { Touchpoint } from '../touchpoints/touchpoints-api';
import { emptyStage, journeyInputOf, type StageDraft } from './journey-draft';
import { useCreateJourney } from './journeys-api';

interface JourneyEditorProps {
  workspaceId: string;
  touchpoints: Touchpoint[];
  /** Called with the new journey's id, or null when cancelled. */
  onDone: (createdId: string | null) => void;
}

const maxStages = 12;

/** Defines a journey: ordered stages, each reached through touchpoints and/or event names. */
export function JourneyEditor({ workspaceId, touchpoints, onDone }: JourneyEditorProps) {
  const { t } = useTranslation();
  const create = useCreateJourney(workspaceId);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [stages, setStages] = useState<StageDraft[]>([emptyStage(), emptyStage()]);
  const issues = issuesByField(create.error);
  const setStage = (index: number, patch: Partial<StageDraft>) =>
    setStages((list) => list.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(journeyInputOf(name, description, stages), { onSuccess: (created) => onDone(created.id) });
  };

  return (
    <form className="form journey-editor" onSubmit={submit} noValidate aria-labelledby="journey-editor-title">
      <h3 id="journey-editor-title">{t('journeys.editor.title')}</h3>
      <IssueField
        label={t('journeys.editor.name')}
        value={name}
        onChange={setName}
        issue={issues.get('name')}
      />
      <IssueField
        label={t('journeys.editor.description')}
        value={description}
        onChange={setDescription}
        issue={issues.get('description')}
        multiline
      />
      <ol className="journey-editor-stages">
        {stages.map((stage, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: stages are positional, like the server's field names
          <li key={index}>
            <fieldset className="touchpoint-rule">
              <legend>{t('journeys.editor.stage', { number: index + 1 })}</legend>
              {issues.get(`stages.${index}`) ? (
                <p className="field-issue">{issues.get(`stages.${index}`)}</p>
              ) : null}
              <IssueField
                label={t('journeys.editor.stageName')}
                value={stage.name}
                onChange={(value) => setStage(index, { name: value })}
                issue={issues.get(`stages.${index}.name`) ?? issues.get(`stages.${index}.key`)}
              />
              <IssueField
                label={t('journeys.editor.events')}
                hint={t('journeys.editor.eventsHint')}
                value={stage.events}
                onChange={(value) => setStage(index, { events: value })}
                issue={issues.get(`stages.${index}.events`)}
              />
              {touchpoints.length > 0 ? (
                <fieldset className="journey-editor-touchpoints">
                  <legend>{t('journeys.editor.touchpoints')}</legend>
                  {touchpoints.map((touchpoint) => (
                    <label key={touchpoint.id} className="checkbox">
                      <input
                        type="checkbox"
                        checked={stage.touchpointIds.includes(touchpoint.id)}
                        onChange={(event) =>
                          setStage(index, {
                            touchpointIds: event.target.checked
                              ? [...stage.touchpointIds, touchpoint.id]
                              : stage.touchpointIds.filter((id) => id !== touchpoint.id),
                          })
                        }
                      />{' '}
                      {touchpoint.name}
                    </label>
                  ))}
                </fieldset>
              ) : null}
              {stages.length > 1 ? (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setStages((list) => list.filter((_, i) => i !== index))}
                >
                  {t('journeys.editor.removeStage', { number: index + 1 })}
                </button>
              ) : null}
            </fieldset>
          </li>
        ))}
      </ol>
      {issues.size > 0 ? (
        <p role="alert" className="alert alert-error">
          {t('journeys.editor.fixFields')}
        </p>
      ) : (
        <ErrorAlert error={create.error} />
      )}
      <div className="form-actions">
        {stages.length < maxStages ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setStages([...stages, emptyStage()])}
          >
            {t('journeys.editor.addStage')}
          </button>
        ) : null}
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('journeys.editor.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
