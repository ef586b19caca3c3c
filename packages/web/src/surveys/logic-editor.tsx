import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { removeAt, replaceAt } from './survey-draft';
import { type LogicOp, type LogicRule, logicOps, type Question, scoreTypes } from './survey-types';

interface LogicEditorProps {
  /** The question the rules belong to; rules read its answer and jump forward (the server refuses other jumps). */
  question: Question;
  questionNumber: number;
  later: Question[];
  onChange: (logic: LogicRule[]) => void;
}

function parseValue(question: Question, raw: string): LogicRule['if']['value'] {
  if (scoreTypes.includes(question.type)) return raw === '' ? 0 : Number(raw);
  if (question.type === 'consent') return raw === 'true';
  return raw;
}

/** Operators that make sense for the question's answers (server: definition-validation.ts opFits). */
function opsFor(question: Question): LogicOp[] {
  return logicOps.filter((op) =>
    op === 'includes'
      ? question.type === 'multiple_choice' || question.type === 'text'
      : op === 'eq' || scoreTypes.includes(question.type),
  );
}

interface RuleRowProps {
  name: string;
  rule: LogicRule;
  question: Question;
  questionNumber: number;
  later: Question[];
  onChange: (rule: LogicRule) => void;
  onRemove: () => void;
}

function RuleRow({ name, rule, question, questionNumber, later, onChange, onRemove }: RuleRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const choiceIds = question.choices?.map((c) => c.id);
  const setIf = (patch: Partial<LogicRule['if']>) => onChange({ ...rule, if: { ...rule.if, ...patch } });
  return (
    <li className="logic-rule">
      <div className="field">
        <label htmlFor={`${id}-op`}>{t('surveys.builder.ruleOp')}</label>
        <select
          id={`${id}-op`}
          aria-label={`${name}: ${t('surveys.builder.ruleOp')}`}
          value={rule.if.op}
          onChange={(e) => setIf({ op: e.target.value as LogicOp })}
        >
          {opsFor(question).map((op) => (
            <option key={op} value={op}>
              {t(`surveys.ops.${op}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-value`}>{t('surveys.builder.ruleValue')}</label>
        {choiceIds ? (
          <select
            id={`${id}-value`}
            aria-label={`${name}: ${t('surveys.builder.ruleValue')}`}
            value={String(rule.if.value)}
            onChange={(e) => setIf({ value: e.target.value })}
          >
            {choiceIds.map((choiceId, i) => (
              <option key={choiceId} value={choiceId}>
                {t('surveys.builder.choiceNumber', { number: i + 1 })}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={`${id}-value`}
            aria-label={`${name}: ${t('surveys.builder.ruleValue')}`}
            type={scoreTypes.includes(question.type) ? 'number' : 'text'}
            value={String(rule.if.value)}
            onChange={(e) => setIf({ value: parseValue(question, e.target.value) })}
          />
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-goto`}>{t('surveys.builder.ruleGoTo')}</label>
        <select
          id={`${id}-goto`}
          aria-label={`${name}: ${t('surveys.builder.ruleGoTo')}`}
          value={rule.then.goTo}
          // biome-ignore lint/suspicious/noThenProperty: `then` is the survey logic wire format (if … then goTo).
          onChange={(e) => onChange({ ...rule, then: { goTo: e.target.value } })}
        >
          {later.map((q, i) => (
            <option key={q.id} value={q.id}>
              {t('surveys.builder.questionNumber', { number: questionNumber + i + 1 })}
            </option>
          ))}
          <option value="end">{t('surveys.builder.goToEnd')}</option>
        </select>
      </div>
      <button
        type="button"
        className="button button-secondary"
        aria-label={t('surveys.builder.removeNamed', { name })}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}

/** Skip logic of one question: "if the answer is … then go to …" (jumps only forward, so every path ends). */
export function LogicEditor({ question, questionNumber, later, onChange }: LogicEditorProps) {
  const { t } = useTranslation();
  const rules = question.logic ?? [];
  const firstValue = question.choices?.[0]?.id ?? (scoreTypes.includes(question.type) ? 0 : '');
  const added: LogicRule = {
    if: { questionId: question.id, op: opsFor(question)[0] ?? 'eq', value: firstValue },
    // biome-ignore lint/suspicious/noThenProperty: `then` is the survey logic wire format (if … then goTo).
    then: { goTo: later[0]?.id ?? 'end' },
  };
  return (
    <fieldset className="logic-editor">
      <legend>{t('surveys.builder.logic', { number: questionNumber })}</legend>
      {rules.length === 0 ? <p className="field-hint">{t('surveys.builder.logicNone')}</p> : null}
      <ol>
        {rules.map((rule, index) => (
          <RuleRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; every input is controlled, so a shifted key only re-renders.
            key={index}
            name={t('surveys.builder.ruleName', { number: questionNumber, rule: index + 1 })}
            rule={rule}
            question={question}
            questionNumber={questionNumber}
            later={later}
            onChange={(next) => onChange(replaceAt(rules, index, next))}
            onRemove={() => onChange(removeAt(rules, index))}
          />
        ))}
      </ol>
      <button type="button" className="button button-secondary" onClick={() => onChange([...rules, added])}>
        {t('surveys.builder.addRule', { number: questionNumber })}
      </button>
    </fieldset>
  );
}
