import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert';
import { navigate } from '../routing/router';
import { DistributionSettings } from './distribution-settings';
import { FieldProblems } from './field-problems';
import { QuestionEditor } from './question-editor';
import { ScreensEditor } from './screens-editor';
import { pruneSettings } from './settings-form';
import {
  cleanDefinition,
  move,
  newQuestion,
  type Problem,
  problemsAt,
  problemsOf,
  removeAt,
  replaceAt,
} from './survey-draft';
import { SurveyPreview } from './survey-preview';
import { type QuestionType, questionTypes, type Survey, type SurveyInput } from './survey-types';
import { surveyKeys, surveysApi, useFatigueBudget } from './surveys-api';

interface SurveyBuilderProps {
  workspaceId: string;
  /** The stored survey being edited; undefined for a new one. */
  survey: Survey | undefined;
  initial: SurveyInput;
}

/** Where a problem sits, for the summary at the top: "Question 2 · title", or the raw path for anything else. */
function describePath(path: string, questionLabel: (n: number) => string): string {
  const match = /^definition\/questions\/(\d+)\/?(.*)$/.exec(path);
  if (!match) return path;
  // Paths count from 0; people count from 1 (choices/1/label is the second choice).
  const rest = (match[2] ?? '')
    .split('/')
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : part));
  return [questionLabel(Number(match[1]) + 1), ...rest].join(' · ');
}

/** The builder: name, questions, screens, distribution; saved as a draft or published; preview beside it. */
export function SurveyBuilder({ workspaceId, survey, initial }: SurveyBuilderProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const nameId = useId();
  const [draft, setDraft] = useState<SurveyInput>(initial);
  const [newType, setNewType] = useState<QuestionType>('single_choice');
  const [saved, setSaved] = useState<'saved' | 'published' | null>(null);
  const workspaceFatigue = useFatigueBudget(workspaceId).data?.fatigue;

  const save = useMutation({
    mutationFn: async (publish: boolean) => {
      const input = {
        name: draft.name.trim(),
        definition: cleanDefinition(draft.definition),
        settings: pruneSettings(draft.settings),
      };
      const stored = survey
        ? await surveysApi.update(workspaceId, survey.id, input)
        : await surveysApi.create(workspaceId, input);
      return publish ? surveysApi.setStatus(workspaceId, stored.id, 'live') : stored;
    },
    onSuccess: async (stored, publish) => {
      setSaved(publish ? 'published' : 'saved');
      queryClient.setQueryData(surveyKeys.one(workspaceId, stored.id), stored);
      await queryClient.invalidateQueries({ queryKey: surveyKeys.list(workspaceId), exact: true });
      if (!survey) navigate({ name: 'survey', workspaceId, surveyId: stored.id }, { replace: true });
    },
    onMutate: () => setSaved(null),
  });

  const problems: Problem[] = problemsOf(save.error);
  const definition = draft.definition;
  const questions = definition.questions;
  const setDefinition = (next: typeof definition) => setDraft({ ...draft, definition: next });
  const setQuestions = (next: typeof questions) => setDefinition({ ...definition, questions: next });
  const nameProblems = problemsAt(problems, 'name');
  const canPublish = !survey || survey.status === 'draft' || survey.status === 'paused';

  return (
    <div className="survey-builder">
      <form
        className="survey-form"
        aria-label={t('surveys.builder.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(false);
        }}
      >
        {problems.length ? (
          <div role="alert" className="alert alert-error">
            <p>{t('surveys.builder.problems', { count: problems.length })}</p>
            <ul>
              {problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  {describePath(problem.path, (number) => t('surveys.builder.questionNumber', { number }))}:{' '}
                  {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <ErrorAlert error={save.error} />
        )}
        <section className="panel" aria-labelledby="survey-basics">
          <h2 id="survey-basics">{t('surveys.builder.basics')}</h2>
          <div className="form form-inline">
            <div className="field">
              <label htmlFor={nameId}>{t('surveys.builder.name')}</label>
              <input
                id={nameId}
                type="text"
                required
                maxLength={200}
                value={draft.name}
                aria-invalid={nameProblems.length > 0 || undefined}
                onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              />
              <FieldProblems id={`${nameId}-problems`} problems={nameProblems} />
            </div>
            <div className="field">
              <label htmlFor={`${nameId}-lang`}>{t('surveys.builder.defaultLanguage')}</label>
              <select
                id={`${nameId}-lang`}
                value={definition.defaultLanguage}
                onChange={(e) => setDefinition({ ...definition, defaultLanguage: e.target.value })}
              >
                <option value="en">{t('surveys.languages.en')}</option>
                <option value="de">{t('surveys.languages.de')}</option>
              </select>
            </div>
          </div>
        </section>
        <section aria-labelledby="survey-questions">
          <h2 id="survey-questions">{t('surveys.builder.questions')}</h2>
          <ol className="question-list">
            {questions.map((question, index) => (
              <QuestionEditor
                key={question.id}
                question={question}
                index={index}
                count={questions.length}
                later={questions.slice(index + 1)}
                problems={problems}
                onChange={(next) => setQuestions(replaceAt(questions, index, next))}
                onMove={(by) => setQuestions(move(questions, index, by))}
                onRemove={() => setQuestions(removeAt(questions, index))}
              />
            ))}
          </ol>
          <div className="form form-inline add-question">
            <div className="field">
              <label htmlFor={`${nameId}-type`}>{t('surveys.builder.newType')}</label>
              <select
                id={`${nameId}-type`}
                value={newType}
                onChange={(e) => setNewType(e.target.value as QuestionType)}
              >
                {questionTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`surveys.types.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setQuestions([
                  ...questions,
                  newQuestion(
                    newType,
                    questions.map((q) => q.id),
                  ),
                ])
              }
            >
              {t('surveys.builder.addQuestion')}
            </button>
          </div>
        </section>
        <ScreensEditor definition={definition} onChange={setDefinition} problems={problems} />
        <DistributionSettings
          surveyId={survey?.id}
          settings={draft.settings}
          onChange={(settings) => setDraft({ ...draft, settings })}
          problems={problems}
          workspaceFatigue={workspaceFatigue}
        />
        <div className="form-actions builder-actions">
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            {survey ? t('surveys.builder.saveChanges') : t('surveys.builder.save')}
          </button>
          {canPublish ? (
            <button
              type="button"
              className="button button-primary"
              disabled={save.isPending}
              onClick={() => save.mutate(true)}
            >
              {survey?.status === 'paused'
                ? t('surveys.builder.saveAndResume')
                : t('surveys.builder.saveAndPublish')}
            </button>
          ) : null}
          <span role="status">
            {saved === 'saved'
              ? t('surveys.builder.saved')
              : saved === 'published'
                ? t('surveys.builder.published')
                : ''}
          </span>
        </div>
      </form>
      <SurveyPreview definition={definition} />
    </div>
  );
}
