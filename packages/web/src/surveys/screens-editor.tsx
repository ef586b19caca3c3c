import { useTranslation } from 'react-i18next';
import { LocalizedField } from './localized-field';
import { type Problem, removeAt, replaceAt } from './survey-draft';
import {
  type Question,
  type Screen,
  type SurveyDefinition,
  scoreTypes,
  type ThankYouRule,
} from './survey-types';

interface ScreensEditorProps {
  definition: SurveyDefinition;
  onChange: (definition: SurveyDefinition) => void;
  problems: readonly Problem[];
}

const emptyScreen = (): Screen => ({ title: { en: '', de: '' } });

function ScreenFields({
  which,
  screen,
  onChange,
  problems,
}: {
  which: 'welcome' | 'end';
  screen: Screen;
  onChange: (screen: Screen) => void;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const name = t(`surveys.builder.${which}`);
  const path = `definition/${which}`;
  return (
    <>
      <LocalizedField
        label={`${name}: ${t('surveys.builder.screenTitle')}`}
        value={screen.title}
        onChange={(title) => onChange({ ...screen, title })}
        path={`${path}/title`}
        problems={problems}
      />
      <LocalizedField
        label={`${name}: ${t('surveys.builder.screenBody')}`}
        value={screen.body}
        onChange={(body) => onChange({ ...screen, body })}
        path={`${path}/body`}
        problems={problems}
        multiline
      />
    </>
  );
}

/** Welcome and end screens, and thank-you texts per score range (e.g. promoters 9–10 get their own words). */
export function ScreensEditor({ definition, onChange, problems }: ScreensEditorProps) {
  const { t } = useTranslation();
  const scoreQuestions = definition.questions
    .map((question, index) => ({ question, index }))
    .filter(({ question }) => scoreTypes.includes(question.type));
  const rules = definition.thankYou ?? [];
  const setRules = (next: ThankYouRule[]) =>
    onChange({ ...definition, thankYou: next.length ? next : undefined });
  const firstScore: Question | undefined = scoreQuestions[0]?.question;

  return (
    <section className="panel" aria-labelledby="survey-screens">
      <h2 id="survey-screens">{t('surveys.builder.screens')}</h2>
      {(['welcome', 'end'] as const).map((which) => {
        const screen = definition[which];
        return (
          <div key={which} className="screen-editor">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={screen !== undefined}
                onChange={(e) =>
                  onChange({ ...definition, [which]: e.target.checked ? emptyScreen() : undefined })
                }
              />
              {t(`surveys.builder.${which}Show`)}
            </label>
            {screen ? (
              <ScreenFields
                which={which}
                screen={screen}
                onChange={(next) => onChange({ ...definition, [which]: next })}
                problems={problems}
              />
            ) : null}
          </div>
        );
      })}
      <h3>{t('surveys.builder.thankYou')}</h3>
      <p className="field-hint">{t('surveys.builder.thankYouHint')}</p>
      <ol className="thank-you-rules">
        {rules.map((rule, index) => {
          const name = t('surveys.builder.thankYouName', { number: index + 1 });
          const path = `definition/thankYou/${index}`;
          const update = (next: ThankYouRule) => setRules(replaceAt(rules, index, next));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; every input is controlled, so a shifted key only re-renders.
            <li key={index} className="panel">
              <div className="form-inline">
                <label className="inline-field">
                  {t('surveys.builder.thankYouQuestion')}
                  <select
                    aria-label={`${name}: ${t('surveys.builder.thankYouQuestion')}`}
                    value={rule.when.questionId}
                    onChange={(e) => update({ ...rule, when: { ...rule.when, questionId: e.target.value } })}
                  >
                    {scoreQuestions.map(({ question, index: at }) => (
                      <option key={question.id} value={question.id}>
                        {t('surveys.builder.questionNumber', { number: at + 1 })}
                      </option>
                    ))}
                  </select>
                </label>
                {(['min', 'max'] as const).map((bound) => (
                  <label className="inline-field" key={bound}>
                    {t(`surveys.builder.${bound}`)}
                    <input
                      type="number"
                      aria-label={`${name}: ${t(`surveys.builder.${bound}`)}`}
                      value={rule.when[bound]}
                      onChange={(e) =>
                        update({ ...rule, when: { ...rule.when, [bound]: Number(e.target.value) } })
                      }
                    />
                  </label>
                ))}
                <button
                  type="button"
                  className="button button-secondary"
                  aria-label={t('surveys.builder.removeNamed', { name })}
                  onClick={() => setRules(removeAt(rules, index))}
                >
                  {t('surveys.builder.remove')}
                </button>
              </div>
              <LocalizedField
                label={`${name}: ${t('surveys.builder.screenTitle')}`}
                value={rule.title}
                onChange={(title) => update({ ...rule, title })}
                path={`${path}/title`}
                problems={problems}
              />
              <LocalizedField
                label={`${name}: ${t('surveys.builder.screenBody')}`}
                value={rule.body}
                onChange={(body) => update({ ...rule, body })}
                path={`${path}/body`}
                problems={problems}
                multiline
              />
            </li>
          );
        })}
      </ol>
      {firstScore ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setRules([
              ...rules,
              { when: { questionId: firstScore.id, min: 9, max: 10 }, title: { en: '', de: '' } },
            ])
          }
        >
          {t('surveys.builder.addThankYou')}
        </button>
      ) : null}
    </section>
  );
}
